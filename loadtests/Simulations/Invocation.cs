namespace Testbed.LoadTests.Simulations;

/// <summary>One request the load simulation asks for.</summary>
/// <param name="Number">0, 1, 2, … in order of intended start.</param>
/// <param name="IntendedTimestamp">When it was meant to start (Stopwatch ticks): latencies count from here, so a slow server cannot hide queueing.</param>
/// <param name="At">Its intended start in seconds from the start of the measured part: negative during warm-up (negative infinity while that start is undecided).</param>
public readonly record struct Invocation(long Number, long IntendedTimestamp, double At)
{
    /// <summary>Whether it belongs to the measured period.</summary>
    public bool Measured => At >= 0;
}
