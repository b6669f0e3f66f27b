namespace Testbed.LoadTests.Capacity;

/// <summary>The capacity scenario's answer: every stage run, the highest rate held, and what ran out at the first rate that was not.</summary>
/// <param name="Stages">The stages in the order they ran.</param>
/// <param name="Limits">What counted as keeping up.</param>
/// <param name="SaturatedBy">What ran out at the first stage not held; null when every stage held.</param>
public sealed record CapacityResult(IReadOnlyList<CapacityStage> Stages, CapacityLimits Limits, string? SaturatedBy)
{
    /// <summary>The highest rate held before the first stage that was not; null when even the first was not.</summary>
    public double? Knee => Stages.TakeWhile(s => s.Held).LastOrDefault()?.Rate;
}
