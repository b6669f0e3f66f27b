using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>GET /pipeline/status shows what waits per shard, who holds it, and how fresh the stored events are.</summary>
public sealed class StatusTests(AwsEnvironmentFixture aws)
{
    [Fact]
    public async Task Status_shows_the_backlog_while_no_processor_runs_and_freshness_once_one_catches_up()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "status", settings: "--Processor:WorkerId=status-worker");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        // The backlog builds while the processor is stopped (its leases handed back).
        await stack.StopProcessorAsync();
        var events = new GeneratedEvents("status", 50, DateTimeOffset.UtcNow);
        await events.PostAsync(ingest);

        var waiting = await StatusAsync(query);
        Assert.Equal(2, waiting.GetProperty("shards").GetArrayLength());
        Assert.Equal(50, waiting.GetProperty("shards").EnumerateArray().Sum(s => s.GetProperty("recordsBehind").GetInt32()));
        Assert.All(waiting.GetProperty("shards").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("owner").ValueKind));
        Assert.Contains(waiting.GetProperty("shards").EnumerateArray(), s => s.GetProperty("millisecondsBehind").GetDouble() > 0);
        Assert.Equal(0, waiting.GetProperty("freshness").GetProperty("count").GetInt32());

        await stack.StartProcessorAsync();
        JsonElement caughtUp = default;
        await Eventually.HoldsAsync(
            async () => (caughtUp = await StatusAsync(query)).GetProperty("shards").EnumerateArray().All(s => s.GetProperty("recordsBehind").GetInt32() == 0 && s.GetProperty("owner").GetString() == "status-worker"),
            TimeSpan.FromSeconds(60),
            "the processor caught up and holds both shards");

        Assert.All(caughtUp.GetProperty("shards").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("millisecondsBehind").GetDouble()));
        var freshness = caughtUp.GetProperty("freshness");
        Assert.Equal(50, freshness.GetProperty("count").GetInt32());
        Assert.True(freshness.GetProperty("p50Milliseconds").GetDouble() <= freshness.GetProperty("p99Milliseconds").GetDouble());
        Assert.True(freshness.GetProperty("p50Milliseconds").GetDouble() > 0);
    }

    private static Task<JsonElement> StatusAsync(HttpClient api) =>
        api.GetFromJsonAsync<JsonElement>("pipeline/status", TestContext.Current.CancellationToken);
}
