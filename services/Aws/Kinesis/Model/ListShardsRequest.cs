namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of ListShards: the first page names the stream, later pages give only the token.</summary>
public sealed record ListShardsRequest
{
    /// <summary>The stream's name; must be absent when <see cref="NextToken"/> is set.</summary>
    public string? StreamName { get; init; }

    /// <summary>The token of the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>List shards after this shard id.</summary>
    public string? ExclusiveStartShardId { get; init; }

    /// <summary>At most this many shards per page (1 to 10,000).</summary>
    public int? MaxResults { get; init; }
}
