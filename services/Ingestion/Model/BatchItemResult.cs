namespace Testbed.Ingestion.Model;

/// <summary>One event of a batch: accepted with its place in the stream, or failed with the reason.</summary>
public sealed record BatchItemResult(int Index, string Id, string Status, string? ShardId = null, string? SequenceNumber = null, string? Error = null);
