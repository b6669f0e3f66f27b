using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Tests;

/// <summary>The live progress line's percentiles: close to the exact ones the report computes, without keeping every latency.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_has_no_percentile()
    {
        Assert.True(double.IsNaN(new LatencyHistogram().Percentile(99)));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(99)]
    [InlineData(100)]
    public void Percentiles_are_within_one_percent_of_the_exact_nearest_rank(double p)
    {
        var random = new Random(7);
        // Log-normal around a few milliseconds with a long tail, as request latencies are.
        var latencies = Enumerable.Range(0, 50_000).Select(_ => Math.Exp(1.5 + (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2)).ToList();
        var histogram = new LatencyHistogram();
        foreach (var latency in latencies)
        {
            histogram.Add(latency);
        }

        var exact = Percentiles.Of(latencies.Order().ToList(), p);
        var estimate = histogram.Percentile(p);

        Assert.Equal(50_000, histogram.Count);
        Assert.InRange(estimate, exact, exact * 1.0101);
    }

    [Fact]
    public void Latencies_below_a_microsecond_and_above_hours_still_count()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(0);
        histogram.Add(TimeSpan.FromDays(1).TotalMilliseconds);

        Assert.InRange(histogram.Percentile(50), 0, 0.001);
        Assert.True(histogram.Percentile(100) > TimeSpan.FromHours(6).TotalMilliseconds);
    }
}
