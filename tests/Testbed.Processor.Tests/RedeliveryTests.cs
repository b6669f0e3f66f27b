using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Testbed.Infra.Definition;
using Testbed.Processor.Aggregates;
using Testbed.Records.Aggregates;
using Testbed.Processor.Batches;
using Testbed.Processor.DeadLetter;
using Testbed.Processor.Silver;
using Testbed.Processor.Telemetry;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>The batch processor against the emulators: a batch delivered again after a crash before the checkpoint changes nothing.</summary>
public sealed class RedeliveryTests(AwsEnvironmentFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Processing_the_same_batch_twice_leaves_items_and_aggregates_as_after_once()
    {
        var (resources, processor) = await CreateAsync();
        var minute = new DateTimeOffset(2026, 11, 22, 10, 7, 0, TimeSpan.Zero);
        var batch = Enumerable.Range(1, 60).Select(i => Records.Make("shardId-000000000000", i, "redelivery", minute.AddSeconds(i), $$"""{"v":{{i}}}""")).ToList();

        await processor.ProcessAsync("shardId-000000000000", batch, Ct);
        var afterOnce = await SnapshotAsync(resources);
        await processor.ProcessAsync("shardId-000000000000", batch, Ct);
        var afterTwice = await SnapshotAsync(resources);

        Assert.Equal(afterOnce, afterTwice);
        var windows = JsonDocument.Parse(afterTwice.Aggregates).RootElement;
        Assert.Equal(60, windows.EnumerateArray().Sum(w => w.GetProperty("count").GetInt64()));
        Assert.Equal(60 * 61 / 2, windows.EnumerateArray().Sum(w => w.GetProperty("sum").GetDecimal()));
    }

    [Fact]
    public async Task A_longer_redelivered_batch_adds_only_its_new_records()
    {
        var (resources, processor) = await CreateAsync();
        var minute = new DateTimeOffset(2026, 11, 22, 10, 8, 0, TimeSpan.Zero);
        var all = Enumerable.Range(1, 30).Select(i => Records.Make("shardId-000000000001", i, "overlap", minute, $$"""{"v":{{i}}}""")).ToList();

        await processor.ProcessAsync("shardId-000000000001", all[..20], Ct);
        await processor.ProcessAsync("shardId-000000000001", all[10..], Ct);

        var window = JsonDocument.Parse((await SnapshotAsync(resources)).Aggregates).RootElement.EnumerateArray().Single();
        Assert.Equal(30, window.GetProperty("count").GetInt64());
        Assert.Equal(30 * 31 / 2, window.GetProperty("sum").GetDecimal());
        Assert.Equal(30, (await emulators.DynamoDb.ScanAsync(new ScanRequest { TableName = resources.Items.Name, ConsistentRead = true }, Ct)).Count);
    }

    private async Task<(PipelineResources Resources, BatchProcessor Processor)> CreateAsync()
    {
        var resources = await emulators.ProvisionAsync("redeliver");
        var time = new FixedTime(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var processor = new BatchProcessor(
            new DeadLetterArchive(emulators.S3, resources),
            new ItemWriter(emulators.DynamoDb, resources, time),
            new AggregateStore(emulators.DynamoDb, resources),
            new ProcessorTelemetry(),
            time,
            NullLogger<BatchProcessor>.Instance);
        return (resources, processor);
    }

    private async Task<(string Items, string Aggregates)> SnapshotAsync(PipelineResources resources)
    {
        var items = await emulators.DynamoDb.ScanAsync(new ScanRequest { TableName = resources.Items.Name, ConsistentRead = true }, Ct);
        var itemText = string.Join('\n', items.Items.Select(i => string.Join(',', i.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value.S}{a.Value.N}"))).Order());
        var aggregates = await emulators.DynamoDb.ScanAsync(new ScanRequest { TableName = resources.Aggregates.Name, ConsistentRead = true }, Ct);
        var windows = aggregates.Items
            .Select(i => (Window: i["window"].S, Aggregate: AggregateItem.Read(i)))
            .OrderBy(w => w.Window)
            .Select(w => new { window = w.Window, count = w.Aggregate.Count, sum = w.Aggregate.Fields.GetValueOrDefault("v")?.Sum ?? 0, version = w.Aggregate.Version });
        return (itemText, JsonSerializer.Serialize(windows));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
