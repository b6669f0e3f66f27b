namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of GetShardIterator.</summary>
public sealed record GetShardIteratorResponse
{
    /// <summary>The iterator to pass to GetRecords; valid for five minutes.</summary>
    public required string ShardIterator { get; init; }
}
