using System.Globalization;
using System.Text;

namespace Testbed.Records.Leases;

/// <summary>
/// A lease's recent freshness samples as one string attribute: "storedAt:milliseconds" pairs (epoch milliseconds, then the freshness)
/// separated by spaces. One attribute rather than a list of number pairs: DynamoDB (and the emulator) parse and check every attribute
/// value of every checkpoint, and a shard checkpoints five times a second with up to 1,000 samples, 3,000 values as a list.
/// </summary>
public static class FreshnessSamples
{
    /// <summary>The samples as the attribute's text.</summary>
    public static string Write(IEnumerable<(long StoredAtMs, double Milliseconds)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var text = new StringBuilder();
        foreach (var (storedAt, milliseconds) in samples)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(CultureInfo.InvariantCulture, $"{storedAt}:{milliseconds:0.###}");
        }

        return text.ToString();
    }

    /// <summary>The samples the attribute's text holds; a pair that does not parse is skipped.</summary>
    public static IEnumerable<(long StoredAtMs, double Milliseconds)> Read(string? text)
    {
        foreach (var pair in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0
                && long.TryParse(pair.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var storedAt)
                && double.TryParse(pair.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
            {
                yield return (storedAt, milliseconds);
            }
        }
    }
}
