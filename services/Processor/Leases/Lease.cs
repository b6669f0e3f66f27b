namespace Testbed.Processor.Leases;

/// <summary>A shard's lease row as last read: who holds it, its counter, and the checkpoint.</summary>
/// <param name="ShardId">The shard (the lease key).</param>
/// <param name="Owner">The worker holding it, or null.</param>
/// <param name="Counter">Bumped by every renewal, take and checkpoint; a still counter means a dead owner.</param>
/// <param name="Checkpoint">The last sequence number fully processed, or TRIM_HORIZON.</param>
public sealed record Lease(string ShardId, string? Owner, long Counter, string Checkpoint)
{
    /// <summary>The checkpoint of a shard nothing was processed from yet.</summary>
    public const string TrimHorizon = Testbed.Records.Leases.LeaseAttributes.TrimHorizon;
}
