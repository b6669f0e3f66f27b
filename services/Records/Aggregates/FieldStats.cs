namespace Testbed.Records.Aggregates;

/// <summary>Count, sum, minimum and maximum of one numeric field within a window.</summary>
public sealed record FieldStats(long Count, decimal Sum, decimal Min, decimal Max)
{
    /// <summary>The stats of a single value.</summary>
    public static FieldStats Of(decimal value) => new(1, value, value, value);

    /// <summary>These stats with another value added.</summary>
    public FieldStats Add(decimal value) => new(Count + 1, Sum + value, Math.Min(Min, value), Math.Max(Max, value));
}
