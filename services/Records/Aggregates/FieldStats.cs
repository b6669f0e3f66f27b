namespace Testbed.Records.Aggregates;

/// <summary>Count, sum, minimum and maximum of one numeric field within a window.</summary>
public sealed record FieldStats(long Count, decimal Sum, decimal Min, decimal Max)
{
    /// <summary>The stats of a single value.</summary>
    public static FieldStats Of(decimal value) => new(1, value, value, value);

    /// <summary>These stats with another value added; a sum beyond decimal's range stays at its largest (or smallest) value.</summary>
    public FieldStats Add(decimal value) => Plus(Of(value));

    /// <summary>These stats and another set of the same field together.</summary>
    public FieldStats Plus(FieldStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Count + other.Count, SaturatingSum(Sum, other.Sum), Math.Min(Min, other.Min), Math.Max(Max, other.Max));
    }

    // An overflow would fail the batch on every retry and stop the shard: a capped sum is the lesser harm.
    private static decimal SaturatingSum(decimal sum, decimal value)
    {
        try
        {
            return sum + value;
        }
        catch (OverflowException)
        {
            return value > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }
}
