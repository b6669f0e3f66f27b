using Testbed.Processor.Model;

namespace Testbed.Processor.Leases;

/// <summary>What a checkpoint records besides the sequence number, for the pipeline status: when, and the recent freshness samples.</summary>
/// <param name="CheckpointedAt">When the checkpoint was written.</param>
/// <param name="Freshness">Recent (time, milliseconds from acceptance to storage) samples of this shard.</param>
public sealed record ShardProgress(DateTimeOffset CheckpointedAt, IReadOnlyList<FreshnessSample> Freshness);
