using System.Globalization;

namespace Testbed.Api.Apis;

/// <summary>Parses the from/to query parameters, reporting problems under the parameter's name.</summary>
public static class TimeRange
{
    /// <summary>The range; an absent bound is open (year 1 or 9999).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Parse(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var start = Bound(from, "from", DateTimeOffset.MinValue, errors);
        var end = Bound(to, "to", new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), errors);
        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["'from' is after 'to'."];
        }

        return (start, end);
    }

    private static DateTimeOffset Bound(string? text, string name, DateTimeOffset open, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return open;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors[name] = [$"'{name}' must be an ISO 8601 date-time, such as 2026-11-22T10:00:00Z."];
        return open;
    }
}
