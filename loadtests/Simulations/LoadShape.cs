namespace Testbed.LoadTests.Simulations;

/// <summary>How requests arrive: an open model (constant or ramping arrival rate) or a closed model (fixed concurrency).</summary>
public abstract record LoadShape
{
    /// <summary>Requests per second at a constant arrival rate.</summary>
    public sealed record Constant(double Rate) : LoadShape;

    /// <summary>Arrival rate rising (or falling) linearly from From to To over the measured period; warm-up runs at From.</summary>
    public sealed record Ramping(double From, double To) : LoadShape;

    /// <summary>Users that each send their next request as soon as the last one is answered.</summary>
    public sealed record Closed(int Users) : LoadShape;
}
