namespace Testbed.LoadTests.Thresholds;

/// <summary>A threshold and the figure it was checked against (null when the run has no such figure).</summary>
public sealed record ThresholdResult(Threshold Threshold, double? Actual)
{
    /// <summary>Met: the figure exists and satisfies the condition.</summary>
    public bool Passed => Actual is { } value && Threshold.IsMetBy(value);
}
