namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of PutRecord: one record.</summary>
public sealed record PutRecordRequest
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>The record's bytes (at most 1 MiB with the partition key).</summary>
    public required byte[] Data { get; init; }

    /// <summary>Decides the shard, through its MD5 hash.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>A hash that overrides the partition key's.</summary>
    public string? ExplicitHashKey { get; init; }

    /// <summary>Orders this record after the given one for the same partition key.</summary>
    public string? SequenceNumberForOrdering { get; init; }
}
