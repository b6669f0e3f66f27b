namespace Testbed.Api.Status;

/// <summary>Nearest-rank percentiles.</summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0-100) of the values, or null when there are none.</summary>
    public static double? Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
