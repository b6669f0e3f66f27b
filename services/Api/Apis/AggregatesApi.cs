using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Api.Model;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Api.Apis;

/// <summary>GET /aggregates?type=&amp;from=&amp;to=: per-minute counts and numeric stats of a type.</summary>
public static class AggregatesApi
{
    /// <summary>Maps the aggregates endpoint.</summary>
    public static IEndpointRouteBuilder MapAggregatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/aggregates", GetAggregatesAsync).WithTags("Aggregates").WithName("GetAggregates").RequireScope(AccessScopes.Read)
            .WithSummary("Per-minute aggregates of an event type")
            .WithDescription("One window per minute of event timestamps in the range: the count, and for each numeric field of the data its sum, min and max. "
                + "Exact: a record the processors read twice is counted once.");
        return app;
    }

    /// <summary>The windows of a type in a time range.</summary>
    public static async Task<Results<Ok<IReadOnlyList<AggregateWindow>>, ValidationProblem>> GetAggregatesAsync(
        [Description("The event type (required).")] string? type,
        [Description("The earliest window, ISO 8601 such as 2026-11-22T10:00:00Z; open when left out.")] string? from,
        [Description("The latest window, ISO 8601; open when left out.")] string? to,
        [AsParameters] QueryServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(type))
        {
            errors["type"] = ["'type' is required."];
        }
        else if (!Testbed.Records.Events.EventRules.IsValidType(type))
        {
            errors["type"] = [Testbed.Records.Events.EventRules.TypeRule];
        }

        var (start, end) = TimeRange.Parse(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        return TypedResults.Ok(await services.Aggregates.ReadAsync(type!, start, end, cancellationToken).ConfigureAwait(false));
    }
}
