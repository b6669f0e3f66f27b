namespace Testbed.Ingestion.Publishing;

/// <summary>One record's fate: where it landed, or why it did not.</summary>
/// <param name="Outcome">Published, Failed or Unavailable.</param>
/// <param name="ShardId">The shard that holds it, when published.</param>
/// <param name="SequenceNumber">Its sequence number, when published.</param>
/// <param name="Error">Why it was not published.</param>
public sealed record PublishResult(PublishOutcome Outcome, string? ShardId = null, string? SequenceNumber = null, string? Error = null);
