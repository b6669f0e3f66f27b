namespace Testbed.Web.Clients.Model;

/// <summary>Acceptance-to-storage latency of the events stored in the last minute.</summary>
public sealed record FreshnessView(int Count, double? P50Milliseconds, double? P99Milliseconds);
