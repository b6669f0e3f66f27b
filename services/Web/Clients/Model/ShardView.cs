namespace Testbed.Web.Clients.Model;

/// <summary>One shard's owner, checkpoint and lag.</summary>
public sealed record ShardView(string ShardId, string? Owner, string Checkpoint, DateTimeOffset? CheckpointedAt, int RecordsBehind, double MillisecondsBehind, long DeadLetters);
