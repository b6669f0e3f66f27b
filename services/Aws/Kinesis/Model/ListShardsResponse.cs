namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of ListShards: one page of shards.</summary>
public sealed record ListShardsResponse
{
    /// <summary>The shards of this page.</summary>
    public IReadOnlyList<Shard> Shards { get; init; } = [];

    /// <summary>The token for the next page, absent on the last one.</summary>
    public string? NextToken { get; init; }
}
