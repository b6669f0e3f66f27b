namespace Testbed.LoadTests.Checks;

/// <summary>The processor's own freshness (acceptance → stored) of the last minute: how many events, p50 and p99 in ms (null when none).</summary>
public sealed record PipelineFreshness(int Count, double? P50, double? P99);
