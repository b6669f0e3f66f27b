using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Checks;

/// <summary>How the warm-up ended: how long its rate was held beyond it, how far behind the pipeline was then, and whether it had caught up.</summary>
/// <param name="Held">Time past the warm-up before the measured part began.</param>
/// <param name="BacklogSeconds">How long ago the oldest sampled event not yet queryable was accepted, at the last look; null without a look.</param>
/// <param name="CaughtUp">Whether the backlog came under <see cref="CatchUp.MaxBacklog"/> and stopped falling (else the longest catch-up passed).</param>
public sealed record CatchUpResult(TimeSpan Held, double? BacklogSeconds, bool CaughtUp);

/// <summary>
/// Ends the warm-up once the pipeline has caught up with it. A fresh stack met by the full rate falls behind while its caches, connections
/// and stores fill; measured at 2,000 events/s on 2 cores (2026-11-29), the measured part of a 10 s warm-up began 1.1-1.3 s behind and its
/// first 8 s held the run's whole client freshness p99. What a run should measure is the pipeline at that rate, not its first seconds.
/// </summary>
/// <remarks>
/// The backlog is the age of the oldest sampled event the freshness probe has not found through the Api yet: what a client sees. The stored
/// count (the aggregates) said less in the same runs, 0.1 s behind with the probe's events 1.6 s old: a batch's aggregates are written beside
/// its items and land first.
/// </remarks>
public static class CatchUp
{
    /// <summary>The most the backlog may be when the measured part begins.</summary>
    public static readonly TimeSpan MaxBacklog = TimeSpan.FromSeconds(0.5);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    // Caught up is also no longer catching up: a backlog falling through the limit keeps falling for a while. The mean of the last second's
    // looks must not be lower than the second's before by more than this.
    private const double StillFalling = 0.05;

    // The measured part begins a little after the look that decided it: a load stream that read the time just before must not have sent
    // requests after that start as warm-up ones.
    private const double Ahead = 0.05;

    /// <summary>
    /// From the middle of the warm-up, reads the backlog every 200 ms; from its end, decides <paramref name="start"/> once it has settled (see
    /// <see cref="Settled"/>). Returns when the start is decided, by this or by the longest catch-up passing.
    /// </summary>
    public static async Task<CatchUpResult> RunAsync(MeasureStart start, Func<TimeSpan> backlog, CancellationToken cancellationToken)
    {
        var looks = new List<(double At, double Backlog)>();
        var settled = false;
        while (!double.IsFinite(start.SecondsAt(start.Elapsed)))
        {
            // Looked at from the warm-up's second half, when its rate holds, so that a pipeline caught up by then is measured at once.
            var now = start.Elapsed;
            if (now >= start.Warmup.TotalSeconds / 2)
            {
                looks.Add((now, backlog().TotalSeconds));
                if (now >= start.Warmup.TotalSeconds && Settled(looks, now))
                {
                    settled = start.TryDecide(now + Ahead);
                    break;
                }
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }

        return new CatchUpResult(TimeSpan.FromSeconds(start.Seconds) - start.Warmup, looks.Count > 0 ? looks[^1].Backlog : null, settled);
    }

    /// <summary>Whether the looks span two seconds, the last is under <see cref="MaxBacklog"/>, and those of the last second are, on average, no longer falling from those of the second before.</summary>
    public static bool Settled(IReadOnlyList<(double At, double Backlog)> looks, double now)
    {
        if (looks.Count == 0 || looks[^1].Backlog > MaxBacklog.TotalSeconds || looks[0].At > now - 2)
        {
            return false;
        }

        var last = looks.Where(l => l.At > now - 1).Average(l => l.Backlog);
        var before = looks.Where(l => l.At > now - 2 && l.At <= now - 1).Select(l => l.Backlog).DefaultIfEmpty(last).Average();
        return last >= before - StillFalling;
    }
}
