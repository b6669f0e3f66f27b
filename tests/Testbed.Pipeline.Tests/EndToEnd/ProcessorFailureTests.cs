using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>Processors that crash and restart, or share shards: nothing is lost and nothing is counted twice.</summary>
public sealed class ProcessorFailureTests(AwsEnvironmentFixture aws)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_processor_killed_mid_stream_and_restarted_loses_nothing_and_counts_nothing_twice()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "crash");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        var events = new GeneratedEvents("crash", 3000, new DateTimeOffset(2026, 11, 22, 9, 30, 5, TimeSpan.Zero), seed: 11);

        var posting = events.PostAsync(ingest, batchSize: 100);
        await Eventually.HoldsAsync(async () => (await ApiQueries.ListAllAsync(query, events.Type)).Count >= 300, Deadline, "the first processor is under way", TimeSpan.FromMilliseconds(200));
        await stack.KillProcessorAsync();
        var storedAtCrash = (await ApiQueries.ListAllAsync(query, events.Type)).Count;
        await posting;
        await stack.StartProcessorAsync();

        var stored = await ApiQueries.WaitForCountAsync(query, events.Type, 3000, Deadline);
        Assert.InRange(storedAtCrash, 300, 2999);
        Assert.Equal(events.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        events.AssertAggregates(await ApiQueries.AggregatesAsync(query, events.Type, events.Ids.Count));
    }

    [Fact]
    public async Task Two_processors_share_the_shards_and_the_survivor_takes_over_within_the_lease_timeout()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "share", shards: 4, processors: 2);
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        await Eventually.HoldsAsync(async () => (await OwnersAsync(query)).Values.Order().SequenceEqual([2, 2]), Deadline, "each processor holds two of the four shards");
        var before = new GeneratedEvents("share-before", 400, new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero), seed: 3);
        await before.PostAsync(ingest);
        await ApiQueries.WaitForCountAsync(query, before.Type, 400, Deadline);

        await stack.KillProcessorAsync(0);
        var killedAt = DateTimeOffset.UtcNow;
        await Eventually.HoldsAsync(async () => (await OwnersAsync(query)).Values.SequenceEqual([4]), Deadline, "the survivor holds all four shards");
        var takeover = DateTimeOffset.UtcNow - killedAt;

        var after = new GeneratedEvents("share-after", 400, new DateTimeOffset(2026, 11, 22, 11, 5, 0, TimeSpan.Zero), seed: 5);
        await after.PostAsync(ingest);
        var stored = await ApiQueries.WaitForCountAsync(query, after.Type, 400, Deadline);
        Assert.Equal(after.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        before.AssertAggregates(await ApiQueries.AggregatesAsync(query, before.Type, before.Ids.Count));
        after.AssertAggregates(await ApiQueries.AggregatesAsync(query, after.Type, after.Ids.Count));

        // Lease timeout 3 s plus one renew interval and a scan; generous for a loaded CI machine.
        Assert.True(takeover < TimeSpan.FromSeconds(15), $"takeover took {takeover.TotalSeconds:0.0} s");
        TestContext.Current.SendDiagnosticMessage($"Shards taken over {takeover.TotalSeconds:0.0} s after the kill (lease timeout 3 s).");
    }

    // Who holds which shard, as GET /pipeline/status shows it: owner -> shards held.
    private static async Task<Dictionary<string, int>> OwnersAsync(HttpClient api)
    {
        var status = await api.GetFromJsonAsync<JsonElement>("pipeline/status");
        return status.GetProperty("shards").EnumerateArray()
            .Select(s => s.GetProperty("owner").GetString())
            .Where(owner => owner is not null)
            .GroupBy(owner => owner!)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
