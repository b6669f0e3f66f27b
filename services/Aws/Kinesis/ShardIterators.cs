using Testbed.Aws.Kinesis.Model;

namespace Testbed.Aws.Kinesis;

/// <summary>Iterators that resume a shard from a checkpoint, as the Kinesis Client Library records it.</summary>
public static class ShardIterators
{
    /// <summary>An iterator just after the checkpoint's sequence number, or at the oldest record when the checkpoint is TRIM_HORIZON.</summary>
    public static async Task<string> AfterCheckpointAsync(
        this IKinesisClient client,
        string streamName,
        string shardId,
        string checkpoint,
        CancellationToken cancellationToken = default)
    {
        var request = checkpoint == ShardIteratorType.TrimHorizon
            ? new GetShardIteratorRequest { StreamName = streamName, ShardId = shardId, ShardIteratorType = ShardIteratorType.TrimHorizon }
            : new GetShardIteratorRequest { StreamName = streamName, ShardId = shardId, ShardIteratorType = ShardIteratorType.AfterSequenceNumber, StartingSequenceNumber = checkpoint };
        return (await client.GetShardIteratorAsync(request, cancellationToken).ConfigureAwait(false)).ShardIterator;
    }
}
