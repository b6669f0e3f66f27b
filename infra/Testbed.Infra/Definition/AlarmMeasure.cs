namespace Testbed.Infra.Definition;

/// <summary>What an alarm measures over each period of a service's calls (ASP.NET Core's http.server.request.duration).</summary>
public enum AlarmMeasure
{
    /// <summary>Calls answered with a 5xx status, as a percentage of all calls (no calls: missing data).</summary>
    ServerErrorPercent,

    /// <summary>The number of calls per period (no calls: missing data, as a metric nothing was published to).</summary>
    CallCount,

    /// <summary>The 99th percentile of the call duration, in seconds (no calls: missing data).</summary>
    LatencyP99,
}
