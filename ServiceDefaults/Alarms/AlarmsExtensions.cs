using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Testbed.Infra.Definition;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>The API call alarms of a service: AddAlarms evaluates those that watch it, MapAlarms serves them at GET /alarms.</summary>
public static class AlarmsExtensions
{
    /// <summary>Where a service serves its alarms (open: no authentication, like /health).</summary>
    public const string Path = "/alarms";

    /// <summary>The OpenAPI tag of the alarm endpoint.</summary>
    public const string Tag = "Alarms";

    /// <summary>The tag's description in a service's OpenAPI document.</summary>
    public const string TagDescription = "The API call alarms (5xx share, call counts, p99 latency) evaluated over the service's own request metrics, with CloudWatch's states.";

    /// <summary>Evaluates, every period, the alarms of the one definition that watch <paramref name="service"/> (ApiCallAlarms.Ingestion, ApiCallAlarms.Api).</summary>
    public static TBuilder AddAlarms<TBuilder>(this TBuilder builder, string service)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var alarms = ApiCallAlarms.Of(service);
        builder.Services.AddOptions<AlarmsOptions>().BindConfiguration(AlarmsOptions.SectionName)
            .Validate(o => o.Period is null || o.Period > TimeSpan.Zero, "Alarms:Period must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new CallRecorder(alarms, sp.GetService<IMeterFactory>()));
        builder.Services.AddSingleton(sp => new AlarmMonitor(
            alarms,
            sp.GetRequiredService<CallRecorder>(),
            sp.GetRequiredService<IOptions<AlarmsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlarmMonitor>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmMonitor>());
        return builder;
    }

    /// <summary>Maps GET /alarms: this service's alarms (after <see cref="AddAlarms"/>).</summary>
    public static IEndpointRouteBuilder MapAlarms(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetAlarms).Documented("This service's alarms", "Each alarm that watches this service's calls");
        return app;
    }

    /// <summary>The OpenAPI tag, name, summary and description of an alarm endpoint.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, string summary, string whose) => endpoint
        .WithTags(Tag)
        .WithName("GetAlarms")
        .WithSummary(summary)
        .WithDescription(whose + ": its state (OK, ALARM or INSUFFICIENT_DATA, as CloudWatch has them), why, since when, its latest transitions, "
            + "and its definition (metric, comparison, threshold, CloudWatch's period and the shorter local one it is evaluated over). "
            + "Calls to /health, /alive and /alarms are not counted. Open to every caller, like /health.");

    /// <summary>This service's alarms as they stand.</summary>
    public static Ok<IReadOnlyList<AlarmStatus>> GetAlarms(AlarmMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        return TypedResults.Ok(monitor.Statuses);
    }
}
