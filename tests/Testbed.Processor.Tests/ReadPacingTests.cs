using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Processor.Aggregates;
using Testbed.Processor.Batches;
using Testbed.Processor.Bronze;
using Testbed.Processor.Consumption;
using Testbed.Processor.DeadLetter;
using Testbed.Processor.Leases;
using Testbed.Processor.Silver;
using Testbed.Processor.Telemetry;
using Testbed.Records.Events;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>A shard that receives a few records at a time, read the way the processors read it on AWS: never more than 5 times a second, and nothing left behind.</summary>
public sealed class ReadPacingTests(AwsEnvironmentFixture emulators)
{
    private const int RecordCount = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trickling_shard_is_read_at_most_every_min_read_interval_and_every_record_is_stored()
    {
        var resources = await emulators.ProvisionAsync("pacing", shards: 1);
        var kinesis = new ReadTimes(emulators.Kinesis);
        var options = new ProcessorOptions { PollInterval = TimeSpan.FromMilliseconds(20), MinReadInterval = TimeSpan.FromMilliseconds(200) };
        var leases = new LeaseTable(emulators.DynamoDb, resources);
        var shard = (await emulators.Kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: Ct)).Single().ShardId;
        await leases.EnsureAsync([shard], Ct);
        var taken = await leases.TryTakeAsync((await leases.ListAsync(Ct)).Single(), "pacing-worker", Ct);
        using var lease = new HeldLease(taken ?? throw new InvalidOperationException("the new lease could not be taken"));
        var consumer = new ShardConsumer(kinesis, leases, Processor(resources), new ProcessorTelemetry(), resources, Options.Create(options), TimeProvider.System, NullLogger<ShardConsumer>.Instance);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var consuming = consumer.RunAsync(lease, stop.Token);
        try
        {
            // One record every 25 ms: each read finds a few, the shard is caught up after every batch.
            for (var i = 0; i < RecordCount; i++)
            {
                await emulators.Kinesis.PutRecordAsync(new PutRecordRequest { StreamName = resources.Stream.Name, PartitionKey = $"p{i}", Data = Event(i) }, Ct);
                await Task.Delay(25, Ct);
            }

            await Eventually.HoldsAsync(async () => await ItemCountAsync(resources) == RecordCount, TimeSpan.FromSeconds(30), "every trickled record stored as an item");
        }
        finally
        {
            await stop.CancelAsync();
            await consuming;
        }

        var starts = kinesis.Starts.Order().ToList();
        Assert.True(starts.Count >= 3, $"the shard was read {starts.Count} times");
        var closest = starts.Zip(starts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).Min();
        // A few milliseconds of slack for the timer; without pacing, reads came after every batch, tens of milliseconds apart.
        Assert.True(closest >= TimeSpan.FromMilliseconds(190), $"two reads began {closest.TotalMilliseconds:0} ms apart");
    }

    private BatchProcessor Processor(PipelineResources resources) => new(
        new RawArchive(emulators.S3, resources),
        new DeadLetterArchive(emulators.S3, resources),
        new ItemWriter(emulators.DynamoDb, resources, TimeProvider.System),
        new AggregateStore(emulators.DynamoDb, resources),
        new ProcessorTelemetry(),
        TimeProvider.System,
        NullLogger<BatchProcessor>.Instance);

    private async Task<int> ItemCountAsync(PipelineResources resources) =>
        (await emulators.DynamoDb.ScanAsync(new ScanRequest { TableName = resources.Items.Name, ConsistentRead = true, Select = Amazon.DynamoDBv2.Select.COUNT }, Ct)).Count ?? 0;

    private static byte[] Event(int i)
    {
        var now = DateTimeOffset.UtcNow;
        return JsonSerializer.SerializeToUtf8Bytes(
            new EventRecord { Id = $"pacing-{i}", Type = "pacing", Timestamp = now, AcceptedAt = now, Data = JsonDocument.Parse($$"""{"n":{{i}}}""").RootElement.Clone() },
            EventJsonContext.Default.EventRecord);
    }

    // The real client, noting when each GetRecords began.
    private sealed class ReadTimes(IKinesisClient inner) : IKinesisClient
    {
        public ConcurrentBag<long> Starts { get; } = [];

        public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default)
        {
            Starts.Add(Stopwatch.GetTimestamp());
            return inner.GetRecordsAsync(request, cancellationToken);
        }

        public Task CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) => inner.CreateStreamAsync(request, cancellationToken);

        public Task DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default) => inner.DeleteStreamAsync(request, cancellationToken);

        public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) => inner.DescribeStreamSummaryAsync(request, cancellationToken);

        public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) => inner.ListStreamsAsync(request, cancellationToken);

        public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default) => inner.ListShardsAsync(request, cancellationToken);

        public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) => inner.PutRecordAsync(request, cancellationToken);

        public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) => inner.PutRecordsAsync(request, cancellationToken);

        public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) => inner.GetShardIteratorAsync(request, cancellationToken);
    }
}
