namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of GetShardIterator: where in a shard to start reading.</summary>
public sealed record GetShardIteratorRequest
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>The shard to read.</summary>
    public required string ShardId { get; init; }

    /// <summary>One of <see cref="Model.ShardIteratorType"/>.</summary>
    public required string ShardIteratorType { get; init; }

    /// <summary>For AT_ and AFTER_SEQUENCE_NUMBER.</summary>
    public string? StartingSequenceNumber { get; init; }

    /// <summary>For AT_TIMESTAMP.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
