namespace Testbed.LoadTests.Measurement;

/// <summary>A step's results: counts, failures by reason, achieved rate and latency percentiles (of successful requests, in ms).</summary>
public sealed record StepStats(
    string Name,
    long Count,
    long Ok,
    long Failed,
    IReadOnlyDictionary<string, long> FailuresByReason,
    double Rate,
    double UnitsPerSecond,
    double Min,
    double P50,
    double P75,
    double P95,
    double P99,
    double Max,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<HistogramBucket> Distribution)
{
    /// <summary>Summarises the samples of the measured period (warm-up samples, with negative times, are left out).</summary>
    public static StepStats From(string name, IEnumerable<Sample> recorded, TimeSpan measured)
    {
        var samples = recorded.Where(s => s.At >= 0).ToList();
        var ok = samples.Where(s => s.Failure is null).ToList();
        var latencies = ok.Select(s => s.LatencyMs).Order().ToList();
        var seconds = Math.Max(measured.TotalSeconds, 0.001);
        return new StepStats(
            name,
            samples.Count,
            ok.Count,
            samples.Count - ok.Count,
            samples.Where(s => s.Failure is not null).GroupBy(s => s.Failure!).ToDictionary(g => g.Key, g => (long)g.Count()),
            ok.Count / seconds,
            ok.Sum(s => s.Units) / seconds,
            latencies.Count > 0 ? latencies[0] : double.NaN,
            Percentiles.Of(latencies, 50),
            Percentiles.Of(latencies, 75),
            Percentiles.Of(latencies, 95),
            Percentiles.Of(latencies, 99),
            latencies.Count > 0 ? latencies[^1] : double.NaN,
            TimelinePoint.Of(samples, (int)Math.Ceiling(seconds)),
            HistogramBucket.Of(latencies));
    }

    /// <summary>A figure by its threshold name (count, ok, fail, rate, units, min, p50, p75, p95, p99, max); null when unknown.</summary>
    public double? Figure(string metric) => metric switch
    {
        "count" => Count,
        "ok" => Ok,
        "fail" or "failed" => Failed,
        "rate" => Rate,
        "units" => UnitsPerSecond,
        "min" => Min,
        "p50" => P50,
        "p75" => P75,
        "p95" => P95,
        "p99" => P99,
        "max" => Max,
        _ => null,
    };
}
