using Microsoft.AspNetCore.Builder;
using Testbed.Telemetry;

namespace Testbed.Testing;

/// <summary>An OTLP/HTTP receiver on a free 127.0.0.1 port that keeps every span the services export, for tests to look at.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpCollector(WebApplication app, Uri url, TraceStore store)
    {
        _app = app;
        Url = url;
        Store = store;
    }

    /// <summary>The spans received so far.</summary>
    public TraceStore Store { get; }

    /// <summary>The base URL to give exporters as OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public Uri Url { get; }

    /// <summary>The standard OTEL_* variables that make a service export here, quickly.</summary>
    public IReadOnlyDictionary<string, string> ExporterEnvironment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Url.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    /// <summary>Starts the receiver.</summary>
    public static async Task<OtlpCollector> StartAsync()
    {
        var store = new TraceStore();
        var (app, url) = await LoopbackWebApp.StartAsync(app => app.MapOtlpReceiver(store));
        return new OtlpCollector(app, url, store);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
