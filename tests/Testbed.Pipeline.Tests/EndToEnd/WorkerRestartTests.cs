using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>A processor restarted under the same worker id takes its own leases back at once instead of waiting for them to expire.</summary>
public sealed class WorkerRestartTests(EmulatorsFixture emulators)
{
    [Fact]
    public async Task A_processor_restarted_with_the_same_worker_id_resumes_its_shards()
    {
        await using var stack = await PipelineStack.CreateAsync(emulators, "rejoin");
        var ingestion = await stack.StartIngestionAsync();
        var api = await stack.StartApiAsync();
        using var ingest = ingestion.CreateClient();
        using var query = api.CreateClient();
        var first = await stack.StartProcessorAsync("same-worker");
        var before = new GeneratedEvents("rejoin-before", 200, new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        await before.PostAsync(ingest);
        await ApiQueries.WaitForCountAsync(query, before.Type, 200, TimeSpan.FromSeconds(60));

        first.Process.Signal(Signals.Kill);
        await first.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await stack.StartProcessorAsync("same-worker");
        var after = new GeneratedEvents("rejoin-after", 200, new DateTimeOffset(2026, 11, 22, 8, 5, 0, TimeSpan.Zero));
        await after.PostAsync(ingest);

        // Its leases still name it, so they never look free to it: unless it takes them back, its shards stay stuck.
        var stored = await ApiQueries.WaitForCountAsync(query, after.Type, 200, TimeSpan.FromSeconds(60));
        Assert.Equal(after.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        after.AssertAggregates(await ApiQueries.AggregatesAsync(query, after.Type));
    }
}
