namespace Testbed.AppHost.Hosting;

/// <summary>Where the services send traces, metrics and logs: the dashboard's OTLP receiver, unless the AppHost itself was given OTEL_EXPORTER_OTLP_ENDPOINT (a real Aspire dashboard, Jaeger, a collector).</summary>
public sealed class TelemetryTarget
{
    private const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The collector named in the AppHost's environment, or null when the dashboard receives.</summary>
    public Uri? ExternalCollector { get; } =
        System.Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } configured ? new Uri(configured) : null;

    /// <summary>The dashboard's receiver, once it listens.</summary>
    public Uri? Dashboard { get; set; }

    /// <summary>The OTEL_* variables a service gets: the standard ones, so any OTLP backend can receive.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        // Short export intervals so a trace shows up in the dashboard within a second of the event; the SDK defaults are 5 s and 60 s.
        var env = new Dictionary<string, string>
        {
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        };
        if (ExternalCollector is null && Dashboard is { } dashboard)
        {
            env[EndpointVariable] = dashboard.ToString().TrimEnd('/');
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        return env;
    }
}
