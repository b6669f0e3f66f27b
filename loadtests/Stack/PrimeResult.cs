namespace Testbed.LoadTests.Stack;

/// <summary>What priming did before the load: events sent, how many were accepted and queryable, and how long it took.</summary>
/// <param name="Sent">The events sent.</param>
/// <param name="Queryable">Those accepted and then returned by the Api before the deadline.</param>
/// <param name="Seconds">From the first request until the last event was queryable (or the deadline).</param>
public sealed record PrimeResult(int Sent, int Queryable, double Seconds)
{
    /// <summary>Whether every event sent came through.</summary>
    public bool Complete => Queryable == Sent;
}
