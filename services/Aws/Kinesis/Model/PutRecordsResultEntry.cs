namespace Testbed.Aws.Kinesis.Model;

/// <summary>One record's result: its place in a shard, or why it failed.</summary>
public sealed record PutRecordsResultEntry
{
    /// <summary>The shard that holds the record, when it succeeded.</summary>
    public string? ShardId { get; init; }

    /// <summary>The record's sequence number, when it succeeded.</summary>
    public string? SequenceNumber { get; init; }

    /// <summary>ProvisionedThroughputExceededException or InternalFailure, when it failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The failure's explanation.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Whether this record failed.</summary>
    public bool Failed => ErrorCode is not null;
}
