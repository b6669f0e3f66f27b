namespace Testbed.LoadTests.Measurement;

/// <summary>Nearest-rank percentiles of sorted values.</summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0–100) of ascending values; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
