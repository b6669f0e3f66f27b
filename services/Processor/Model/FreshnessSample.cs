namespace Testbed.Processor.Model;

/// <summary>One event's freshness: when it was stored and how long after acceptance.</summary>
public sealed record FreshnessSample(DateTimeOffset StoredAt, double Milliseconds);
