using System.IO.Compression;
using System.Text.Json;
using Amazon.S3.Model;
using Testbed.Aws.Kinesis.Model;
using Testbed.Aws.S3;
using Testbed.Infra.Definition;
using Testbed.Processor.Leases;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>The raw events reach the lake with the checkpoints: one object per checkpoint, every event once, and never a checkpoint ahead of the lake.</summary>
public sealed class RawLakeTests(AwsEnvironmentFixture emulators)
{
    private const int EventCount = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_busy_shard_writes_one_lake_object_per_checkpoint_not_per_batch_and_every_event_once()
    {
        var resources = await emulators.ProvisionAsync("lake", shards: 1);
        var last = await PutEventsAsync(resources, "lake");
        var kinesis = new CountingKinesis(emulators.Kinesis);

        // Pages of 10 from a shard that holds 200: 20 batches back to back, each read ahead, and a checkpoint only when it is due or the shard runs dry.
        var options = new ProcessorOptions { MaxRecordsPerRead = 10, CheckpointInterval = TimeSpan.FromMinutes(5), PollInterval = TimeSpan.FromMilliseconds(20), MinReadInterval = TimeSpan.Zero };
        using var shard = await OneShardConsumer.CreateAsync(emulators, resources, kinesis, options, Ct);
        await WhileConsumingAsync(shard, () => Eventually.HoldsAsync(async () => await shard.CheckpointAsync(Ct) == last, TimeSpan.FromSeconds(60), "the checkpoint reaches the last event"));

        var lake = await ReadLakeAsync(resources);
        Assert.Equal(Ids("lake"), lake.Values.SelectMany(ids => ids).Order(StringComparer.Ordinal));
        Assert.Equal(EventCount / options.MaxRecordsPerRead, kinesis.PagesWithRecords);

        // One checkpoint after the first batch (nothing was checkpointed before it), one when the shard ran dry.
        Assert.True(lake.Count <= 2, $"{lake.Count} objects for {kinesis.PagesWithRecords} batches: {string.Join(", ", lake.Select(o => $"{o.Key} ({o.Value.Count})"))}");
    }

    [Fact]
    public async Task A_trickling_shard_writes_a_lake_object_per_checkpoint_interval_not_one_after_each_read_that_found_nothing()
    {
        var resources = await emulators.ProvisionAsync("trickle", shards: 1);
        var kinesis = new CountingKinesis(emulators.Kinesis);

        // A record every 10 ms or so, read with a short poll interval as the AppHost reads the emulators (a pause of one after a read that
        // found nothing): reads that find a record and reads that find none alternate, and the shard seldom stays empty for three in a row.
        var options = new ProcessorOptions { CheckpointInterval = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(20), MinReadInterval = TimeSpan.Zero };
        using var shard = await OneShardConsumer.CreateAsync(emulators, resources, kinesis, options, Ct);
        var ids = Ids("trickle");
        await WhileConsumingAsync(shard, async () =>
        {
            var last = "";
            foreach (var id in ids)
            {
                var put = await emulators.Kinesis.PutRecordAsync(new PutRecordRequest { StreamName = resources.Stream.Name, PartitionKey = id, Data = Records.EventBytes(id, "trickle", """{"n":1}""") }, Ct);
                last = put.SequenceNumber;
                await Task.Delay(10, Ct);
            }

            await Eventually.HoldsAsync(async () => await shard.CheckpointAsync(Ct) == last, TimeSpan.FromSeconds(60), "the checkpoint reaches the last event once the trickle stops");
        });

        var lake = await ReadLakeAsync(resources);
        Assert.Equal(ids, lake.Values.SelectMany(lines => lines).Order(StringComparer.Ordinal));

        // Checkpointed after each read that found nothing, the lake got an object for every one or two batches.
        Assert.True(
            lake.Count * 3 <= kinesis.PagesWithRecords,
            $"{lake.Count} objects for {kinesis.PagesWithRecords} batches: {string.Join(", ", lake.Select(o => $"{o.Key} ({o.Value.Count})"))}");
    }

    [Fact]
    public async Task While_the_lake_cannot_be_written_the_checkpoint_stays_and_the_events_reach_it_once_it_can()
    {
        var resources = await emulators.ProvisionAsync("lakedown", shards: 1);
        await emulators.S3.DeleteBucketAsync(resources.Bucket.Name, Ct);
        var last = await PutEventsAsync(resources, "lakedown");
        var kinesis = new CountingKinesis(emulators.Kinesis);
        var options = new ProcessorOptions { CheckpointInterval = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(20), MinReadInterval = TimeSpan.Zero };
        using var shard = await OneShardConsumer.CreateAsync(emulators, resources, kinesis, options, Ct);

        await WhileConsumingAsync(shard, async () =>
        {
            // The items are stored; the lake write fails (no bucket), and the consumer starts over from its checkpoint (a second iterator).
            await Eventually.HoldsAsync(async () => await shard.ItemCountAsync(Ct) == EventCount, TimeSpan.FromSeconds(60), "every event stored as an item");
            await Eventually.HoldsAsync(() => kinesis.Iterators >= 2, TimeSpan.FromSeconds(60), "the consumer starts over after the failed lake write");
            Assert.Equal(Lease.TrimHorizon, await shard.CheckpointAsync(Ct));

            await emulators.S3.PutBucketAsync(resources.Bucket.Name, Ct);
            await Eventually.HoldsAsync(async () => await shard.CheckpointAsync(Ct) == last, TimeSpan.FromSeconds(60), "the checkpoint reaches the last event once the bucket is back");
        });

        var lake = await ReadLakeAsync(resources);
        Assert.Equal(Ids("lakedown"), lake.Values.SelectMany(ids => ids).Order(StringComparer.Ordinal));
    }

    // Runs the consumer while the body runs, then stops it.
    private static async Task WhileConsumingAsync(OneShardConsumer shard, Func<Task> body)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var consuming = shard.Consumer.RunAsync(shard.Lease, stop.Token);
        try
        {
            await body();
        }
        finally
        {
            await stop.CancelAsync();
            await consuming;
        }
    }

    // Puts the events in one call and returns the last one's sequence number.
    private async Task<string> PutEventsAsync(PipelineResources resources, string type)
    {
        var entries = Ids(type).Select(id => new PutRecordsRequestEntry { PartitionKey = id, Data = Records.EventBytes(id, type, """{"n":1}""") }).ToList();
        var put = await emulators.Kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = resources.Stream.Name, Records = entries }, Ct);
        Assert.Equal(0, put.FailedRecordCount);
        return put.Records[^1].SequenceNumber!;
    }

    private static List<string> Ids(string type) => [.. Enumerable.Range(0, EventCount).Select(i => $"{type}-{i:D3}")];

    // Each raw/ object's event ids, in the order of its lines.
    private async Task<Dictionary<string, List<string>>> ReadLakeAsync(PipelineResources resources)
    {
        var lake = new Dictionary<string, List<string>>();
        var listed = await emulators.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = resources.Bucket.Name, Prefix = "raw/" }, Ct);
        foreach (var entry in listed.S3Objects ?? [])
        {
            using var gzip = new GZipStream(new MemoryStream(await emulators.S3.GetBytesAsync(resources.Bucket.Name, entry.Key, Ct)), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            lake[entry.Key] = [.. (await reader.ReadToEndAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)];
        }

        return lake;
    }
}
