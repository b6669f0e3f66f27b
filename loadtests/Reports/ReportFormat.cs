using System.Globalization;

namespace Testbed.LoadTests.Reports;

/// <summary>Number formatting shared by the report writers: invariant culture, "–" for missing values.</summary>
public static class ReportFormat
{
    /// <summary>Milliseconds with one decimal.</summary>
    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds with one decimal, for optional values.</summary>
    public static string Ms(double? value) => value is { } v ? Ms(v) : "–";

    /// <summary>A rate with one decimal.</summary>
    public static string Rate(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A whole number.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage.</summary>
    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A CPU share (% of one core) as whole µs of CPU per event at an events-per-second rate; "–" without a rate.</summary>
    public static string MicrosPerEvent(double cpuPercent, double eventsPerSecond) =>
        eventsPerSecond > 0 ? (cpuPercent * 10_000 / eventsPerSecond).ToString("0", CultureInfo.InvariantCulture) : "–";
}
