using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Api.Alarms;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Api.Apis;

/// <summary>GET /alarms: every API call alarm of the pipeline, the Api's own and the ingestion's.</summary>
public static class AlarmsApi
{
    /// <summary>Maps the alarm list.</summary>
    public static IEndpointRouteBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(AlarmsExtensions.Path, GetAlarmsAsync).Documented(
            "Every alarm of the pipeline",
            "Each alarm of the definition: the Api's own, and the ingestion service's as it reports them (INSUFFICIENT_DATA with the reason when it cannot be asked)");
        return app;
    }

    /// <summary>The Api's alarms and the ingestion's, ingestion first.</summary>
    public static async Task<Ok<IReadOnlyList<AlarmStatus>>> GetAlarmsAsync(AlarmMonitor monitor, IngestionAlarms ingestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(ingestion);
        var remote = await ingestion.ReadAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<AlarmStatus>>([.. remote, .. monitor.Statuses]);
    }
}
