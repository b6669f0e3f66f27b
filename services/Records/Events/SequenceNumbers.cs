using System.Globalization;
using System.Numerics;

namespace Testbed.Records.Events;

/// <summary>Kinesis sequence numbers are decimal strings of up to 128 bits; they compare as numbers.</summary>
public static class SequenceNumbers
{
    /// <summary>Whether <paramref name="sequence"/> comes after <paramref name="mark"/> (everything comes after no mark).</summary>
    public static bool IsAfter(string sequence, string? mark) =>
        mark is null || BigInteger.Parse(sequence, CultureInfo.InvariantCulture) > BigInteger.Parse(mark, CultureInfo.InvariantCulture);
}
