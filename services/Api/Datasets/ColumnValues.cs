using System.Text.Json;

namespace Testbed.Api.Datasets;

/// <summary>The values of one column across a dataset's rows, in row order; rows without it, or with null, are left out.</summary>
public sealed class ColumnValues(string column, IReadOnlyList<(long Row, JsonElement Value)> values)
{
    /// <summary>The column's name.</summary>
    public string Column { get; } = column;

    /// <summary>The (row, value) pairs.</summary>
    public IReadOnlyList<(long Row, JsonElement Value)> Values { get; } = values;

    /// <summary>The values as numbers, or the first row whose value is not one.</summary>
    public (IReadOnlyList<decimal>? Numbers, (long Row, JsonElement Value)? NotNumeric) AsNumbers()
    {
        var numbers = new List<decimal>(Values.Count);
        foreach (var (row, value) in Values)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                return (null, (row, value));
            }

            numbers.Add(number);
        }

        return (numbers, null);
    }

    /// <summary>The arithmetic mean.</summary>
    public static decimal Mean(IReadOnlyList<decimal> numbers) => numbers.Sum() / numbers.Count;

    /// <summary>The median: the middle value, or the mean of the two middle values of an even count.</summary>
    public static decimal Median(IReadOnlyList<decimal> numbers)
    {
        var sorted = numbers.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The most frequent value (compared as JSON text) and its count; ties go to the value that appears first.</summary>
    public (JsonElement Value, long Count) MostFrequent()
    {
        var counts = new Dictionary<string, (JsonElement Value, long Count, int First)>();
        for (var i = 0; i < Values.Count; i++)
        {
            var key = Values[i].Value.GetRawText();
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Value, seen.Count + 1, seen.First) : (Values[i].Value, 1, i);
        }

        var best = counts.Values.OrderByDescending(c => c.Count).ThenBy(c => c.First).First();
        return (best.Value, best.Count);
    }
}
