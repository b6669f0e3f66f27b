using System.Globalization;

namespace Testbed.LoadTests.Cli;

/// <summary>Reads durations as the command line gives them: 60s, 1m, 500ms, or plain seconds.</summary>
public static class Durations
{
    /// <summary>The duration; throws a message naming the option when the text is not one.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new ArgumentException($"{option}: '{text}' is not a duration (examples: 60s, 1m, 500ms).");
    }
}
