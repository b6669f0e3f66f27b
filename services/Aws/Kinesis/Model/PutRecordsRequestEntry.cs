namespace Testbed.Aws.Kinesis.Model;

/// <summary>One record of a PutRecords call.</summary>
public sealed record PutRecordsRequestEntry
{
    /// <summary>The record's bytes.</summary>
    public required byte[] Data { get; init; }

    /// <summary>Decides the shard, through its MD5 hash.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>A hash that overrides the partition key's.</summary>
    public string? ExplicitHashKey { get; init; }
}
