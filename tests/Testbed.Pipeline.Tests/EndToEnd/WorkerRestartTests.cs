using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>A processor restarted under the same worker id takes its own leases back at once instead of waiting for them to expire.</summary>
public sealed class WorkerRestartTests(AwsEnvironmentFixture aws)
{
    [Fact]
    public async Task A_processor_restarted_with_the_same_worker_id_resumes_its_shards()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "rejoin", settings: "--Processor:WorkerId=same-worker");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        var before = new GeneratedEvents("rejoin-before", 200, new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        await before.PostAsync(ingest);
        await ApiQueries.WaitForCountAsync(query, before.Type, 200, TimeSpan.FromSeconds(60));

        await stack.KillProcessorAsync();
        await stack.StartProcessorAsync();
        var after = new GeneratedEvents("rejoin-after", 200, new DateTimeOffset(2026, 11, 22, 8, 5, 0, TimeSpan.Zero));
        await after.PostAsync(ingest);

        // Its leases still name it, so they never look free to it: unless it takes them back, its shards stay stuck.
        var stored = await ApiQueries.WaitForCountAsync(query, after.Type, 200, TimeSpan.FromSeconds(60));
        Assert.Equal(after.Ids.Order(), stored.Select(e => e.GetProperty("id").GetString()).Order());
        after.AssertAggregates(await ApiQueries.AggregatesAsync(query, after.Type, after.Ids.Count));
    }
}
