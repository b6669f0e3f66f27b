using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Testbed.Aws.Configuration;

namespace Testbed.ServiceDefaults;

/// <summary>The two calls every Testbed service makes: AddServiceDefaults on the builder, MapDefaultEndpoints on the app.</summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";

    /// <summary>Registers telemetry, health checks, problem details, the OpenAPI document and the AWS clients (from the "Aws" section).</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddTestbedAws();
        if (Environment.GetEnvironmentVariable(ParentProcessWatcher.EnvironmentVariable) == "1")
        {
            builder.Services.AddHostedService<ParentProcessWatcher>();
            builder.Services.AddSingleton<IHostLifetime, ParentManagedLifetime>();
        }

        return builder;
    }

    /// <summary>Names request spans, and maps /openapi/v1.json, /health (every check: ready to serve) and /alive (the process answers).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Resolving the providers starts them: activities are created from the first request on.
        app.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>();
        app.Services.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>();
        app.UseServerSpanNaming();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
