namespace Testbed.LoadTests.Measurement;

/// <summary>How many latencies fell at or below an upper bound (and above the previous bucket's).</summary>
public sealed record HistogramBucket(double UpperMs, long Count)
{
    private static readonly double[] Bounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, double.PositiveInfinity];

    /// <summary>Counts ascending latencies into fixed, roughly logarithmic buckets.</summary>
    public static IReadOnlyList<HistogramBucket> Of(IReadOnlyList<double> sorted)
    {
        var buckets = new List<HistogramBucket>();
        var index = 0;
        foreach (var bound in Bounds)
        {
            var count = 0L;
            while (index < sorted.Count && sorted[index] <= bound)
            {
                count++;
                index++;
            }

            buckets.Add(new HistogramBucket(bound, count));
        }

        return buckets;
    }
}
