using System.Diagnostics;

namespace Testbed.LoadTests.Simulations;

/// <summary>Runs a load shape for warm-up plus duration, calling the action once per request; bounded in time and in requests in flight.</summary>
public static class LoadDriver
{
    /// <summary>Requests in flight above which the open model records a runner failure instead of sending (the target cannot keep up).</summary>
    public const int MaxInFlight = 4_096;

    /// <summary>The open model's longest sleep between two looks at what is due.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    /// <summary>Drives the load; the action must not throw. Returns once every started request ended (or the drain time passed).</summary>
    /// <param name="shape">The arrivals, or the closed model's users.</param>
    /// <param name="start">When the warm-up ends and the measured part begins; the load starts at its start time.</param>
    /// <param name="duration">The measured part's length.</param>
    /// <param name="action">One request.</param>
    /// <param name="overloaded">A request the open model did not send because too many were in flight.</param>
    /// <param name="cancellationToken">Stops the load.</param>
    public static Task RunAsync(LoadShape shape, MeasureStart start, TimeSpan duration, Func<Invocation, Task> action, Action<Invocation> overloaded, CancellationToken cancellationToken) =>
        shape is LoadShape.Closed closed
            ? ClosedAsync(closed.Users, start, duration, action, cancellationToken)
            : OpenAsync(shape, start, duration, action, overloaded, cancellationToken);

    private static async Task OpenAsync(LoadShape shape, MeasureStart measure, TimeSpan duration, Func<Invocation, Task> action, Action<Invocation> overloaded, CancellationToken cancellationToken)
    {
        var (from, to) = shape switch
        {
            LoadShape.Constant c => (c.Rate, c.Rate),
            LoadShape.Ramping r => (r.From, r.To),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        var w = measure.Warmup.TotalSeconds;
        var d = Math.Max(duration.TotalSeconds, 0.001);
        var start = measure.StartTimestamp;
        var inFlight = 0;
        long next = 0;

        while (!cancellationToken.IsCancellationRequested)
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            // The measured part's start (infinity while the warm-up lasts) is read after the time: see MeasureStart.SecondsAt.
            var m = measure.SecondsAt(elapsed);
            var total = m + d;
            // The warm-up's requests (those due before m), then the measured part's: its whole integral, wherever m falls between two requests.
            var count = double.IsFinite(m)
                ? (long)Math.Ceiling(Arrivals(m, m) - 1e-9) + (long)Math.Floor(Arrivals(total, m) - Arrivals(m, m) + 1e-9)
                : long.MaxValue;
            // Request n is due at StartOf(n) = n / rate: by time t, requests 0 … floor(Arrivals(t)) have all come due.
            var due = Math.Min((long)Math.Floor(Arrivals(Math.Min(elapsed, total), m)) + 1, count);
            for (; next < due; next++)
            {
                var at = StartOf(next, m);
                var invocation = new Invocation(next, start + (long)(at * Stopwatch.Frequency), at - m);
                if (Volatile.Read(ref inFlight) >= MaxInFlight)
                {
                    overloaded(invocation);
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                _ = Run(invocation);
            }

            if (elapsed >= total)
            {
                break;
            }

            await Task.Delay(PauseUntil(next < count ? StartOf(next, m) : total, Stopwatch.GetElapsedTime(start).TotalSeconds), CancellationToken.None).ConfigureAwait(false);
        }

        // The in-flight count is what is still running: wait for it to reach zero, at most the drain time.
        var draining = Stopwatch.StartNew();
        while (Volatile.Read(ref inFlight) > 0 && draining.Elapsed < Drain)
        {
            await Task.Delay(5, CancellationToken.None).ConfigureAwait(false);
        }

        async Task Run(Invocation invocation)
        {
            try
            {
                await action(invocation).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        // Requests due by time t when the measured part begins at m: the warm-up rising linearly from 0 to the starting rate over its
        // first half and holding it until m, then the integral of the (linear) rate. A cold stack met at once by the full rate compiles
        // its code and opens its connections while requests pile up: measured at 2,000 events/s on 2 cores (2026-11-28), the first 5 s
        // after a 10 s warm-up at the full rate still had 1-2.5 s of backlog; after a warm-up that only rose, the first 4 s did (the rate
        // was new to the pipeline).
        double Arrivals(double t, double m)
        {
            if (t <= w / 2)
            {
                return w > 0 ? from * t * t / w : 0;
            }

            if (t <= m)
            {
                return (from * w / 4) + (from * (t - (w / 2)));
            }

            var tau = t - m;
            return (from * (m - (w / 4))) + (from * tau) + ((to - from) * tau * tau / (2 * d));
        }

        // When request n is due: the inverse of Arrivals.
        double StartOf(long n, double m)
        {
            if (n <= from * w / 4)
            {
                return Math.Sqrt(n * w / from);
            }

            if (n <= from * (m - (w / 4)))
            {
                return (w / 2) + ((n - (from * w / 4)) / from);
            }

            var left = n - (from * (m - (w / 4)));
            var a = (to - from) / (2 * d);
            var tau = Math.Abs(a) < 1e-12 ? left / from : (-from + Math.Sqrt((from * from) + (4 * a * left))) / (2 * a);
            return m + tau;
        }
    }

    /// <summary>How long the open model sleeps before the request due at <paramref name="due"/> (seconds into the run, now <paramref name="elapsed"/>): until then, at least the timer's 1 ms and at most <see cref="MaxPause"/>.</summary>
    /// <remarks>
    /// Waking every millisecond whatever the rate cost the runner a thousand timer wake-ups a second, at 300 requests/s as at 1; each enters the
    /// kernel, which on these machines' paravirtualised kernel is a large share of the runner's CPU. A pause is cut to whole milliseconds
    /// downwards, as a timer fires late, never early; the bound keeps the loop responsive to cancellation at low rates.
    /// </remarks>
    public static TimeSpan PauseUntil(double due, double elapsed)
    {
        var milliseconds = double.IsFinite(due) ? Math.Floor((due - elapsed) * 1000) : MaxPause.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 1, MaxPause.TotalMilliseconds));
    }

    private static async Task ClosedAsync(int users, MeasureStart measure, TimeSpan duration, Func<Invocation, Task> action, CancellationToken cancellationToken)
    {
        var d = duration.TotalSeconds;
        long number = -1;
        await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                var elapsed = Stopwatch.GetElapsedTime(measure.StartTimestamp, now).TotalSeconds;
                var m = measure.SecondsAt(elapsed);
                if (elapsed >= m + d)
                {
                    return;
                }

                await action(new Invocation(Interlocked.Increment(ref number), now, elapsed - m)).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }
}
