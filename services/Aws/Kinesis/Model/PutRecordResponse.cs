namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of PutRecord: where the record landed.</summary>
public sealed record PutRecordResponse
{
    /// <summary>The shard that holds the record.</summary>
    public required string ShardId { get; init; }

    /// <summary>The record's sequence number in that shard.</summary>
    public required string SequenceNumber { get; init; }
}
