using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Testbed.Records.Items;

/// <summary>
/// What DynamoDB can store of an event's data: at most 32 levels of nesting, numbers of at most 38 significant digits
/// between 1E-130 and 1E+126 in magnitude, each name once per map, text that is Unicode, and an item of at most 400 KB. Ingestion refuses data beyond them and the
/// processors dead-letter it, so that no record is retried forever.
/// </summary>
public static class DynamoDbLimits
{
    /// <summary>DynamoDB's deepest nesting of maps and lists.</summary>
    public const int MaxDepth = 32;

    /// <summary>DynamoDB's most significant digits in a number.</summary>
    public const int MaxDigits = 38;

    /// <summary>The most bytes the data may take in the item, by DynamoDB's size rules: its 400 KB limit less room for the item's other attributes.</summary>
    public const int MaxDataBytes = (400 - 4) * 1024;

    private const int MinExponent = -130;
    private const int MaxExponent = 125;

    /// <summary>Why DynamoDB cannot store the data, or null when it can.</summary>
    public static string? ProblemWith(JsonElement data)
    {
        var problem = (string?)null;
        var size = SizeOf(data, 1, ref problem);
        return problem ?? (size > MaxDataBytes
            ? string.Create(CultureInfo.InvariantCulture, $"it takes {size:N0} bytes as a DynamoDB item; at most {MaxDataBytes:N0} fit in DynamoDB's 400 KB item limit")
            : null);
    }

    // DynamoDB's item size rules: text and names by their UTF-8 bytes, a number 1 byte per 2 significant digits plus 1,
    // null and booleans 1 byte, a map or list 3 bytes plus 1 per element.
    private static long SizeOf(JsonElement value, int depth, ref string? problem)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array when depth > MaxDepth:
                problem ??= $"it is nested more than {MaxDepth} levels deep (DynamoDB's limit)";
                return 0;
            case JsonValueKind.Object:
                var map = 3L;
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    var name = Text(() => property.Name, ref problem);
                    if (!names.Add(name))
                    {
                        problem ??= $"the name '{Shorten(name)}' appears twice in one object (a DynamoDB map holds each name once)";
                    }

                    map += 1 + Encoding.UTF8.GetByteCount(name) + SizeOf(property.Value, depth + 1, ref problem);
                }

                return map;
            case JsonValueKind.Array:
                var list = 3L;
                foreach (var item in value.EnumerateArray())
                {
                    list += 1 + SizeOf(item, depth + 1, ref problem);
                }

                return list;
            case JsonValueKind.String:
                return Encoding.UTF8.GetByteCount(Text(value.GetString!, ref problem));
            case JsonValueKind.Number:
                var digits = NumberProblem(value.GetRawText(), ref problem);
                return 1 + ((digits + 1) / 2);
            default:
                return 1;
        }
    }

    // Returns the significant digits; notes a number DynamoDB refuses (too precise, too large or too small).
    private static int NumberProblem(string text, ref string? problem)
    {
        var mantissa = text;
        var exponent = 0L;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            mantissa = text[..e];
            var exponentText = text[(e + 1)..].TrimStart('+');
            if (!long.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                exponent = exponentText.StartsWith('-') ? long.MinValue / 2 : long.MaxValue / 2;
            }
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = (point < 0 ? mantissa : mantissa[..point]).TrimStart('-');
        var fraction = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var all = integer + fraction;
        var first = all.AsSpan().IndexOfAnyExcept('0');
        if (first < 0)
        {
            return 1;
        }

        var significant = all[first..].TrimEnd('0').Length;
        var magnitude = exponent + integer.Length - first - 1;
        if (significant > MaxDigits)
        {
            problem ??= $"the number {Shorten(text)} has more than {MaxDigits} significant digits (DynamoDB's limit)";
        }
        else if (magnitude > MaxExponent || magnitude < MinExponent)
        {
            problem ??= $"the number {Shorten(text)} is outside DynamoDB's range (1E-130 to 9.99…E+125 in magnitude)";
        }

        return significant;
    }

    // A lone surrogate escape (\ud800 without its pair) has no UTF-8 form: System.Text.Json refuses to read it, DynamoDB to hold it.
    private static string Text(Func<string?> read, ref string? problem)
    {
        try
        {
            return read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            problem ??= "a text holds a lone surrogate (\\ud800-\\udfff without its pair), which is not Unicode";
            return string.Empty;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
