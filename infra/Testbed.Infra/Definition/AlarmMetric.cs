namespace Testbed.Infra.Definition;

/// <summary>The metric an alarm watches: a measure over a service's calls, optionally only those of one route and method.</summary>
/// <param name="Measure">What is measured each period.</param>
/// <param name="Method">Only calls with this HTTP method (http.request.method), or every method.</param>
/// <param name="Route">Only calls matched to this route template (http.route, such as /events), or every route.</param>
public sealed record AlarmMetric(AlarmMeasure Measure, string? Method = null, string? Route = null)
{
    /// <summary>The OpenTelemetry histogram every measure is taken from: ASP.NET Core's request duration, in seconds.</summary>
    public const string Instrument = "http.server.request.duration";

    /// <summary>The meter ASP.NET Core publishes <see cref="Instrument"/> on.</summary>
    public const string Meter = "Microsoft.AspNetCore.Hosting";

    /// <summary>Whether a call with this method and route is one the metric counts.</summary>
    public bool Covers(string? method, string? route) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Route is null || string.Equals(Route, route, StringComparison.Ordinal));

    /// <summary>The metric in words, such as "5xx share of calls" or "calls to POST /events".</summary>
    public string Describe()
    {
        var calls = Method is null && Route is null ? "calls" : $"calls to {Method ?? "any method"} {Route ?? "any route"}";
        return Measure switch
        {
            AlarmMeasure.ServerErrorPercent => $"5xx share of {calls} (%)",
            AlarmMeasure.CallCount => $"{calls} per period",
            _ => $"p99 duration of {calls} (s)",
        };
    }
}
