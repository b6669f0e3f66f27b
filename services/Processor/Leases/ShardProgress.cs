using Testbed.Processor.Model;

namespace Testbed.Processor.Leases;

/// <summary>What a checkpoint records besides the sequence number, for the pipeline status: when, the recent freshness samples, and the batch's dead letters.</summary>
/// <param name="CheckpointedAt">When the checkpoint was written.</param>
/// <param name="Freshness">Recent (time, milliseconds from acceptance to storage) samples of this shard.</param>
/// <param name="DeadLetters">Records of the batch that were not events; added to the shard's total with the checkpoint, so a redone batch counts once.</param>
public sealed record ShardProgress(DateTimeOffset CheckpointedAt, IReadOnlyList<FreshnessSample> Freshness, int DeadLetters = 0);
