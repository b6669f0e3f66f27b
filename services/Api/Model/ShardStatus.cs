namespace Testbed.Api.Model;

/// <summary>One shard's progress: who holds it, how far it is processed, and how far behind the stream's tip that is.</summary>
/// <param name="ShardId">The shard.</param>
/// <param name="Owner">The processor instance holding its lease, or null.</param>
/// <param name="Checkpoint">The last sequence number processed, or TRIM_HORIZON.</param>
/// <param name="CheckpointedAt">When that checkpoint was written.</param>
/// <param name="RecordsBehind">Records on the shard after the checkpoint (counted up to <see cref="PipelineStatus.MaxCountedRecords"/>).</param>
/// <param name="MillisecondsBehind">Age of the oldest unprocessed record; 0 when none waits.</param>
/// <param name="DeadLetters">Records of the shard that were not events, kept under dead-letter/ in the lake.</param>
public sealed record ShardStatus(string ShardId, string? Owner, string Checkpoint, DateTimeOffset? CheckpointedAt, int RecordsBehind, double MillisecondsBehind, long DeadLetters);
