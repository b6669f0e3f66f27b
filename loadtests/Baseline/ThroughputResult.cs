using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Baseline;

/// <summary>What one capacity measurement achieved: units per second and call latency percentiles.</summary>
public sealed record ThroughputResult(BaselineMeasure Measure, string Name, long Units, TimeSpan Elapsed, IReadOnlyList<double> CallMilliseconds)
{
    /// <summary>Units (records, items) per second.</summary>
    public double PerSecond => Units / Elapsed.TotalSeconds;

    /// <summary>A latency percentile of the calls, in milliseconds.</summary>
    public double Percentile(double p) => Percentiles.Of([.. CallMilliseconds.Order()], p);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Units:N0} in {Elapsed.TotalSeconds:0.0} s = {PerSecond:N0}/s; call p50 {Percentile(50):0.0} ms, p99 {Percentile(99):0.0} ms";
}
