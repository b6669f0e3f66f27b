namespace Testbed.Aws.Kinesis.Model;

/// <summary>A record read from a shard.</summary>
public sealed record Record
{
    /// <summary>The record's sequence number in its shard.</summary>
    public required string SequenceNumber { get; init; }

    /// <summary>When Kinesis accepted the record.</summary>
    public DateTimeOffset? ApproximateArrivalTimestamp { get; init; }

    /// <summary>The record's bytes.</summary>
    public required byte[] Data { get; init; }

    /// <summary>The partition key it was written with.</summary>
    public required string PartitionKey { get; init; }
}
