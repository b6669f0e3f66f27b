using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Testbed.AppHost.Hosting;
using Testbed.Telemetry;

namespace Testbed.AppHost.Dashboard;

/// <summary>The dashboard's JSON API under /api: resources (with stop and start), logs, traces and the pipeline panel.</summary>
public static class DashboardApi
{
    /// <summary>Maps every /api endpoint.</summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/resources", (DashboardSources sources) => sources.Resources.SelectMany(r => r.Snapshot()).ToList());
        api.MapPost("/resources/{name}/stop", (string name, DashboardSources sources) => Control(sources, name, stop: true));
        api.MapPost("/resources/{name}/start", (string name, DashboardSources sources) => Control(sources, name, stop: false));

        api.MapGet("/logs", (DashboardSources sources) => new { sources = sources.Logs.Sources });
        api.MapGet("/logs/{source}", (string source, long? after, string? search, DashboardSources sources) =>
            sources.Logs.Read(source, after ?? 0, search));

        api.MapGet("/traces", (string? service, string? search, bool? errors, int? limit, TraceStore traces) =>
            traces.Recent(Math.Clamp(limit ?? 100, 1, 1000), string.IsNullOrEmpty(service) ? null : service, errors ?? false, search));
        api.MapGet("/traces/{traceId}", (string traceId, TraceStore traces) =>
            traces.GetTrace(traceId) is { Count: > 0 } spans
                ? Results.Ok(new { traceId = traceId.ToLowerInvariant(), spans })
                : Results.Problem($"No trace {traceId} has been received (yet).", statusCode: StatusCodes.Status404NotFound));

        api.MapGet("/pipeline", (PipelinePanel panel, CancellationToken cancellationToken) => panel.ReadAsync(cancellationToken));
        api.MapGet("/telemetry", (DashboardSources sources) => new
        {
            receiver = sources.Telemetry.ExternalCollector is null,
            collector = sources.Telemetry.ExternalCollector?.ToString(),
        });
        return app;
    }

    private static IResult Control(DashboardSources sources, string name, bool stop)
    {
        var resource = sources.Resources.OfType<IControllableResource>().FirstOrDefault(r => r.Owns(name));
        var row = sources.Resources.SelectMany(r => r.Snapshot()).FirstOrDefault(s => s.Name == name);
        if (row is null)
        {
            return Results.Problem($"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (resource is null || (stop ? !row.CanStop : !row.CanStart))
        {
            return Results.Problem($"'{name}' is {row.State} and cannot be {(stop ? "stopped" : "started")} now.", statusCode: StatusCodes.Status409Conflict);
        }

        // Answer at once; the list shows Stopped, or Starting then Running, as it happens.
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await (stop ? resource.StopRowAsync(name) : resource.StartRowAsync(name, sources.Stopping)).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    ConsoleLog.Write(name, $"{(stop ? "stop" : "start")} failed: {error.Message}");
                }
                catch (OperationCanceledException)
                {
                    // The AppHost is shutting down.
                }
            },
            CancellationToken.None);
        return Results.Accepted();
    }
}
