namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of GetRecords: records in sequence order and the iterator to continue with.</summary>
public sealed record GetRecordsResponse
{
    /// <summary>The records read, in sequence order.</summary>
    public IReadOnlyList<Record> Records { get; init; } = [];

    /// <summary>Where to continue; absent once a closed shard is read to its end.</summary>
    public string? NextShardIterator { get; init; }

    /// <summary>How far behind the newest record this read is.</summary>
    public long? MillisBehindLatest { get; init; }
}
