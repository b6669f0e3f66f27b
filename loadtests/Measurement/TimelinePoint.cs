namespace Testbed.LoadTests.Measurement;

/// <summary>One second of a step: what succeeded and failed, and the latency of what succeeded.</summary>
public sealed record TimelinePoint(int Second, long Ok, long Failed, long Units, double P50, double P99)
{
    /// <summary>Per-second points from the samples' intended start times.</summary>
    public static IReadOnlyList<TimelinePoint> Of(IReadOnlyCollection<Sample> samples, int seconds)
    {
        var bySecond = samples.Where(s => s.At >= 0).GroupBy(s => (int)s.At).ToDictionary(g => g.Key, g => g.ToList());
        return [.. Enumerable.Range(0, seconds).Select(second =>
        {
            var inSecond = bySecond.GetValueOrDefault(second) ?? [];
            var latencies = inSecond.Where(s => s.Failure is null).Select(s => s.LatencyMs).Order().ToList();
            return new TimelinePoint(
                second,
                latencies.Count,
                inSecond.Count - latencies.Count,
                inSecond.Where(s => s.Failure is null).Sum(s => (long)s.Units),
                Percentiles.Of(latencies, 50),
                Percentiles.Of(latencies, 99));
        })];
    }
}
