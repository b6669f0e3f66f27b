using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Testbed.Aws.Configuration;

namespace Testbed.ServiceDefaults;

/// <summary>Aspire's service defaults for Testbed: AddServiceDefaults on the builder, MapDefaultEndpoints on the app.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Every Testbed ActivitySource and Meter starts with this.</summary>
    public const string SourcePrefix = "Testbed.";

    private const string LiveTag = "live";
    private static readonly PathString[] Probes = ["/health", "/alive", Alarms.AlarmsExtensions.Path];

    /// <summary>Registers OpenTelemetry, health checks, service discovery, problem details (binding failures as 400 naming the parameter) and the AWS clients (from the standard AWS_* settings).</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkRefusals.Describe);
        builder.Services.AddExceptionHandler<BadRequestHandler>();

        // Binding failures throw in every environment (not only in Development), so BadRequestHandler names the parameter.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddTestbedAws();
        return builder;
    }

    /// <summary>Traces, metrics and logs through the OpenTelemetry SDK, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the AppHost sets it to its dashboard).</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourcePrefix + "*"))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new OrphanClientSpanSampler()))
                .AddSource(SourcePrefix + "*")
                // The AppHost probes (and reads the alarms) every few seconds: those spans would bury the pipeline's traces.
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !Probes.Any(p => context.Request.Path.StartsWithSegments(p)))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps /health (every check: ready to serve) and /alive (the process answers).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
