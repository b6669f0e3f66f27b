namespace Testbed.Api.Model;

/// <summary>Acceptance-to-storage latency of the events stored in the last minute.</summary>
public sealed record FreshnessSummary(int Count, double? P50Milliseconds, double? P99Milliseconds);
