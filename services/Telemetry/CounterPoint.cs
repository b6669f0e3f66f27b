namespace Testbed.Telemetry;

/// <summary>One reading of a counter from one source.</summary>
/// <param name="Metric">The instrument's name.</param>
/// <param name="Series">Service, instance and attributes: readings of one series add up over time.</param>
/// <param name="Time">When it was read.</param>
/// <param name="Value">The running total (cumulative) or the increase since the last reading (delta).</param>
/// <param name="IsDelta">Whether <paramref name="Value"/> is an increase rather than a running total.</param>
public sealed record CounterPoint(string Metric, string Series, DateTimeOffset Time, double Value, bool IsDelta);
