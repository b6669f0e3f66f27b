namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of GetRecords.</summary>
public sealed record GetRecordsRequest
{
    /// <summary>The iterator from GetShardIterator or the previous GetRecords.</summary>
    public required string ShardIterator { get; init; }

    /// <summary>At most this many records (1 to 10,000).</summary>
    public int? Limit { get; init; }
}
