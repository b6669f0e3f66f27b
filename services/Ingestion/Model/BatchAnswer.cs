namespace Testbed.Ingestion.Model;

/// <summary>The answer for a batch: counts and one result per event, in request order.</summary>
public sealed record BatchAnswer(int Accepted, int Failed, DateTimeOffset AcceptedAt, IReadOnlyList<BatchItemResult> Items);
