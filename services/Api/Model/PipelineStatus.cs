namespace Testbed.Api.Model;

/// <summary>GET /pipeline/status: the stream's shards with their lag and lease owners, and the freshness of the last minute.</summary>
public sealed record PipelineStatus(string Stream, DateTimeOffset GeneratedAt, IReadOnlyList<ShardStatus> Shards, FreshnessSummary Freshness)
{
    /// <summary>Records behind are counted up to this many per shard (one GetRecords call).</summary>
    public const int MaxCountedRecords = 10_000;
}
