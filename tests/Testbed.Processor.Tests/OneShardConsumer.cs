using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Testbed.Aws.Kinesis;
using Testbed.Infra.Definition;
using Testbed.Processor.Aggregates;
using Testbed.Processor.Batches;
using Testbed.Processor.Bronze;
using Testbed.Processor.Consumption;
using Testbed.Processor.DeadLetter;
using Testbed.Processor.Leases;
using Testbed.Processor.Silver;
using Testbed.Processor.Telemetry;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>A consumer of a one-shard stack's shard, wired as the processor wires it against the emulators, holding the shard's lease.</summary>
public sealed class OneShardConsumer : IDisposable
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly PipelineResources _resources;

    private OneShardConsumer(ShardConsumer consumer, HeldLease lease, LeaseTable leases, string shardId, IAmazonDynamoDB dynamo, PipelineResources resources)
    {
        Consumer = consumer;
        Lease = lease;
        Leases = leases;
        ShardId = shardId;
        _dynamo = dynamo;
        _resources = resources;
    }

    /// <summary>The consumer.</summary>
    public ShardConsumer Consumer { get; }

    /// <summary>The lease it holds.</summary>
    public HeldLease Lease { get; }

    /// <summary>The stack's lease table.</summary>
    public LeaseTable Leases { get; }

    /// <summary>The shard.</summary>
    public string ShardId { get; }

    /// <summary>Takes the only shard's lease of <paramref name="resources"/> and builds its consumer, reading through <paramref name="kinesis"/>.</summary>
    public static async Task<OneShardConsumer> CreateAsync(AwsEnvironmentFixture emulators, PipelineResources resources, IKinesisClient kinesis, ProcessorOptions options, CancellationToken cancellationToken)
    {
        var leases = new LeaseTable(emulators.DynamoDb, resources);
        var shardId = (await emulators.Kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: cancellationToken).ConfigureAwait(false)).Single().ShardId;
        await leases.EnsureAsync([shardId], cancellationToken).ConfigureAwait(false);
        var taken = await leases.TryTakeAsync((await leases.ListAsync(cancellationToken).ConfigureAwait(false)).Single(), "test-worker", cancellationToken).ConfigureAwait(false);
        var lease = new HeldLease(taken ?? throw new InvalidOperationException("the new lease could not be taken"));
        return new OneShardConsumer(Wire(emulators, resources, kinesis, leases, options), lease, leases, shardId, emulators.DynamoDb, resources);
    }

    /// <summary>A shard consumer wired as the processor wires it against the emulators, reading through <paramref name="kinesis"/> and checkpointing to <paramref name="leases"/>.</summary>
    public static ShardConsumer Wire(AwsEnvironmentFixture emulators, PipelineResources resources, IKinesisClient kinesis, LeaseTable leases, ProcessorOptions options)
    {
        var processor = new BatchProcessor(
            new DeadLetterArchive(emulators.S3, resources),
            new ItemWriter(emulators.DynamoDb, resources, TimeProvider.System),
            new AggregateStore(emulators.DynamoDb, resources),
            new ProcessorTelemetry(),
            TimeProvider.System,
            NullLogger<BatchProcessor>.Instance);
        return new ShardConsumer(
            kinesis,
            leases,
            processor,
            new RawArchive(emulators.S3, resources, TimeProvider.System),
            new ProcessorTelemetry(),
            resources,
            Options.Create(options),
            TimeProvider.System,
            NullLogger<ShardConsumer>.Instance);
    }

    /// <summary>The shard's checkpoint as the lease table holds it now.</summary>
    public async Task<string> CheckpointAsync(CancellationToken cancellationToken) =>
        (await Leases.ListAsync(cancellationToken).ConfigureAwait(false)).Single(l => l.ShardId == ShardId).Checkpoint;

    /// <summary>How many items the stack's items table holds now.</summary>
    public async Task<int> ItemCountAsync(CancellationToken cancellationToken) =>
        (await _dynamo.ScanAsync(new ScanRequest { TableName = _resources.Items.Name, ConsistentRead = true, Select = Select.COUNT }, cancellationToken).ConfigureAwait(false)).Count ?? 0;

    /// <inheritdoc />
    public void Dispose() => Lease.Dispose();
}
