namespace Testbed.LoadTests.Scenarios;

/// <summary>When the freshness probe first reads a sampled event: how long after its acceptance, from the freshness of the events found last.</summary>
/// <remarks>
/// Nine tenths of the smallest recent freshness. Each read before an event is stored costs the Api a request and the DynamoDB emulator a
/// GetItem: at 4,000 events/s on 2 cores (2026-11-30) the probe's reads took the Api a fifth of a core, 7.3 reads per sampled event when the
/// first went at half the smallest of the last 64 found, 6.1 at nine tenths with the halving below. An event found at its first read was
/// stored some time before it, so it is remembered at half its reading: a pipeline that became much faster at once is read late for a few
/// events, each cutting the wait to 0.45 of what it was. Its own reading is what the freshness figures count, so the fastest events read
/// high, never low.
/// </remarks>
public static class FirstRead
{
    /// <summary>How many of the events found last the rule looks at: few, so one fast outlier or a slow spell is soon forgotten.</summary>
    /// <remarks>At 4,000 events/s on 2 cores (2026-11-30) the probe read 6.1 times per sampled event over the last 64, 5.4 over the last 16.</remarks>
    public const int Recent = 16;

    private const double Share = 0.9;

    /// <summary>The wait before the first read given the recent freshness in ms (as <see cref="Remembered"/> gives them); zero before any was found.</summary>
    public static TimeSpan After(IReadOnlyCollection<double> recentMilliseconds) =>
        recentMilliseconds.Count == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Share * recentMilliseconds.Min());

    /// <summary>The freshness to remember for an event found after <paramref name="milliseconds"/>, at its first read or a later one.</summary>
    public static double Remembered(double milliseconds, bool atFirstRead) => atFirstRead ? milliseconds / 2 : milliseconds;
}
