using System.Collections.Concurrent;
using System.Diagnostics;

namespace Testbed.LoadTests.Baseline;

/// <summary>Runs a call from several workers for a fixed time and counts what it achieved.</summary>
public static class ThroughputMeter
{
    /// <summary>Calls <paramref name="call"/> in a closed loop on each worker until the time is up; the call returns the units it completed.</summary>
    public static async Task<ThroughputResult> MeasureAsync(BaselineMeasure measure, string name, int workers, TimeSpan duration, Func<CancellationToken, Task<int>> call, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        long units = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                var done = await call(cancellationToken).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Add(ref units, done);
            }
        })).ConfigureAwait(false);
        return new ThroughputResult(measure, name, units, watch.Elapsed, [.. latencies]);
    }
}
