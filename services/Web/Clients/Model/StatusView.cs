namespace Testbed.Web.Clients.Model;

/// <summary>GET /pipeline/status: the shards' lag and the last minute's freshness.</summary>
public sealed record StatusView(string Stream, DateTimeOffset GeneratedAt, IReadOnlyList<ShardView> Shards, FreshnessView Freshness);
