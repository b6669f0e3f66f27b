using System.Text;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>Ingestion, processor and Api as processes over the emulators: what is posted becomes queryable, once.</summary>
public sealed class EndToEndTests(AwsEnvironmentFixture aws)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_posted_event_is_readable_through_the_Api_and_its_raw_record_is_in_the_lake()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "e2e-one");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();

        using var posted = await ingest.PostAsync("events", new StringContent("""{"type":"signup","id":"user-7","timestamp":"2026-11-22T10:00:00Z","data":{"plan":"pro","seats":3}}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);

        var stored = await ApiQueries.WaitForEventAsync(query, "user-7", Deadline);
        Assert.Equal("signup", stored.GetProperty("type").GetString());
        Assert.Equal("pro", stored.GetProperty("data").GetProperty("plan").GetString());
        Assert.Equal(3, stored.GetProperty("data").GetProperty("seats").GetInt32());
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), stored.GetProperty("timestamp").GetDateTimeOffset());
        Assert.True(stored.GetProperty("processedAt").GetDateTimeOffset() >= stored.GetProperty("acceptedAt").GetDateTimeOffset());

        var objects = await RawLake.ReadAsync(stack);
        foreach (var key in objects.Keys)
        {
            Assert.Matches(@"^raw/\d{4}/\d{2}/\d{2}/\d{2}/shardId-\d+-\d+\.ndjson\.gz$", key);
        }

        var lines = objects.Values.SelectMany(l => l).ToList();
        var raw = Assert.Single(lines, l => l.Contains("\"user-7\"", StringComparison.Ordinal));
        Assert.Equal("pro", JsonDocument.Parse(raw).RootElement.GetProperty("data").GetProperty("plan").GetString());
    }

    [Fact]
    public async Task A_batch_of_1000_is_stored_exactly_once_and_the_aggregates_equal_the_tests_own_sums()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "e2e-batch");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        var events = new GeneratedEvents("purchase", 1000, new DateTimeOffset(2026, 11, 22, 9, 0, 10, TimeSpan.Zero));

        await events.PostAsync(ingest);

        var stored = await ApiQueries.WaitForCountAsync(query, events.Type, 1000, Deadline);
        Assert.Equal(events.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        events.AssertAggregates(await ApiQueries.AggregatesAsync(query, events.Type, events.Ids.Count));
    }
}
