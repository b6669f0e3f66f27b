using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Api.Items;
using Testbed.Api.Model;

namespace Testbed.Api.Apis;

/// <summary>GET /events/{id} and GET /events?type=&amp;from=&amp;to=&amp;limit=&amp;next=.</summary>
public static class EventsApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>Maps the event query endpoints.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events").WithTags("Events");
        events.MapGet("/{id}", GetEventAsync).WithName("GetEvent");
        events.MapGet("/", ListEventsAsync).WithName("ListEvents");
        return app;
    }

    /// <summary>One event by id, with its version as the ETag.</summary>
    public static async Task<Results<Ok<EventItem>, ProblemHttpResult>> GetEventAsync(
        string id,
        HttpResponse response,
        [AsParameters] QueryServices services,
        CancellationToken cancellationToken)
    {
        var item = await services.Items.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return TypedResults.Problem($"No event has the id '{id}' (yet: an event is queryable once the processor has stored it).", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }

        response.Headers.ETag = $"\"{item.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok(item);
    }

    /// <summary>Events of one type in a time range, oldest first, paged.</summary>
    public static async Task<Results<Ok<EventPage>, ValidationProblem>> ListEventsAsync(
        string? type,
        string? from,
        string? to,
        int? limit,
        string? next,
        [AsParameters] QueryServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(type))
        {
            errors["type"] = ["'type' is required: events are listed per type."];
        }

        var (start, end) = TimeRange.Parse(from, to, errors);
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"'limit' must be between 1 and {MaxLimit}."];
        }

        if (next is not null && !ItemStore.IsValidToken(next))
        {
            errors["next"] = ["'next' is not a token this Api handed out."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        return TypedResults.Ok(await services.Items.QueryAsync(type!, start, end, limit ?? DefaultLimit, next, cancellationToken).ConfigureAwait(false));
    }
}
