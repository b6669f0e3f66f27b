using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Testbed.ServiceDefaults;

/// <summary>Traces, metrics and logs with the OpenTelemetry SDK, exported over OTLP when the standard OTEL_* variables name an endpoint.</summary>
public static class Telemetry
{
    /// <summary>Every Testbed ActivitySource and Meter starts with this.</summary>
    public const string SourcePrefix = "Testbed.";

    /// <summary>Registers tracer and meter providers (disposed with the host) and the OpenTelemetry log provider.</summary>
    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? builder.Environment.ApplicationName;
        var export = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        // Without OpenTelemetry.Extensions.Hosting, the providers are built here and the container disposes them at shutdown, flushing what is left.
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .SetSampler(new ParentBasedSampler(new OrphanClientSpanSampler()))
            .AddSource(SourcePrefix + "*", "Microsoft.AspNetCore", "System.Net.Http");
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(SourcePrefix + "*", "Microsoft.AspNetCore.Hosting", "System.Net.Http");
        if (export)
        {
            tracing.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }

        builder.Services.AddSingleton(tracing.Build());
        builder.Services.AddSingleton(metrics.Build());
        if (export)
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.SetResourceBuilder(resource);
                logging.IncludeFormattedMessage = true;
                logging.AddOtlpExporter();
            });
        }
    }
}
