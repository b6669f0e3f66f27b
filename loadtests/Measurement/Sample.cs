namespace Testbed.LoadTests.Measurement;

/// <summary>One measured request: when it was meant to start (seconds into the measurement), how long until it was answered, and why it failed (null when it did not).</summary>
public readonly record struct Sample(double At, double LatencyMs, string? Failure, int Units);
