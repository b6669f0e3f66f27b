using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>Processors that crash and restart, or share shards: nothing is lost and nothing is counted twice.</summary>
public sealed class ProcessorFailureTests(EmulatorsFixture emulators)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_processor_killed_mid_stream_and_restarted_loses_nothing_and_counts_nothing_twice()
    {
        await using var stack = await PipelineStack.CreateAsync(emulators, "crash");
        var ingestion = await stack.StartIngestionAsync();
        var api = await stack.StartApiAsync();
        using var ingest = ingestion.CreateClient();
        using var query = api.CreateClient();
        var events = new GeneratedEvents("crash", 3000, new DateTimeOffset(2026, 11, 22, 9, 30, 5, TimeSpan.Zero), seed: 11);
        var first = await stack.StartProcessorAsync("first");

        var posting = events.PostAsync(ingest, batchSize: 100);
        await Eventually.HoldsAsync(async () => (await ApiQueries.ListAllAsync(query, events.Type)).Count >= 300, Deadline, "the first processor is under way", TimeSpan.FromMilliseconds(200));
        first.Process.Signal(Signals.Kill);
        await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var storedAtCrash = (await ApiQueries.ListAllAsync(query, events.Type)).Count;
        await posting;
        await stack.StartProcessorAsync("second");

        var stored = await ApiQueries.WaitForCountAsync(query, events.Type, 3000, Deadline);
        Assert.InRange(storedAtCrash, 300, 2999);
        Assert.Equal(events.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        events.AssertAggregates(await ApiQueries.AggregatesAsync(query, events.Type));
    }

    [Fact]
    public async Task Two_processors_share_the_shards_and_the_survivor_takes_over_within_the_lease_timeout()
    {
        await using var stack = await PipelineStack.CreateAsync(emulators, "share", shards: 4);
        var ingestion = await stack.StartIngestionAsync();
        var api = await stack.StartApiAsync();
        using var ingest = ingestion.CreateClient();
        using var query = api.CreateClient();
        var a = await stack.StartProcessorAsync("worker-a");
        var b = await stack.StartProcessorAsync("worker-b");
        using var httpA = a.CreateClient();
        using var httpB = b.CreateClient();

        await Eventually.HoldsAsync(async () => (await HeldAsync(httpA)).Count == 2 && (await HeldAsync(httpB)).Count == 2, Deadline, "each worker holds two of the four shards");
        var before = new GeneratedEvents("share-before", 400, new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero), seed: 3);
        await before.PostAsync(ingest);
        await ApiQueries.WaitForCountAsync(query, before.Type, 400, Deadline);

        a.Process.Signal(Signals.Kill);
        var killedAt = DateTimeOffset.UtcNow;
        await Eventually.HoldsAsync(async () => (await HeldAsync(httpB)).Count == 4, Deadline, "the survivor holds all four shards");
        var takeover = DateTimeOffset.UtcNow - killedAt;

        var after = new GeneratedEvents("share-after", 400, new DateTimeOffset(2026, 11, 22, 11, 5, 0, TimeSpan.Zero), seed: 5);
        await after.PostAsync(ingest);
        var stored = await ApiQueries.WaitForCountAsync(query, after.Type, 400, Deadline);
        Assert.Equal(after.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        before.AssertAggregates(await ApiQueries.AggregatesAsync(query, before.Type));
        after.AssertAggregates(await ApiQueries.AggregatesAsync(query, after.Type));

        // Lease timeout 3 s plus one renew interval and a scan; generous for a loaded CI machine.
        Assert.True(takeover < TimeSpan.FromSeconds(15), $"takeover took {takeover.TotalSeconds:0.0} s");
        TestContext.Current.SendDiagnosticMessage($"Shards taken over {takeover.TotalSeconds:0.0} s after the kill (lease timeout 3 s).");
    }

    private static async Task<List<string>> HeldAsync(HttpClient processor)
    {
        var leases = await processor.GetFromJsonAsync<JsonElement>("leases");
        return [.. leases.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!)];
    }
}
