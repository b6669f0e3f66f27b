namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of PutRecords: up to 500 records, 5 MiB in all.</summary>
public sealed record PutRecordsRequest
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>The records, in the order their results come back.</summary>
    public required IReadOnlyList<PutRecordsRequestEntry> Records { get; init; }
}
