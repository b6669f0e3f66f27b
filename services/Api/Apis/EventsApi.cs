using System.ComponentModel;
using Testbed.ServiceDefaults.OpenApi;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Api.Items;
using Testbed.Api.Model;
using Testbed.Records.Items;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Api.Apis;

/// <summary>GET /events/{id} and GET /events?type=&amp;from=&amp;to=&amp;limit=&amp;next=.</summary>
public static class EventsApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>Maps the event query endpoints.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        // Full paths under an empty group: a "/events" group with an empty pattern names its route "/events/" in traces.
        var events = app.MapGroup(string.Empty).WithTags("Events");
        events.MapGet("/events/{id}", GetEventAsync).WithName("GetEvent").RequireScope(AccessScopes.Read)
            .WithSummary("Read one event")
            .WithDescription("The stored event with its version as the ETag (send it as If-Match to edit or delete). "
                + "404 until the processors have stored an event that ingestion accepted a moment ago.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        events.MapGet("/events", ListEventsAsync).WithName("ListEvents").RequireScope(AccessScopes.Read)
            .WithSummary("List events of a type in a time range")
            .WithDescription("Oldest first, by the events' timestamps. A page holds at most 'limit' events; pass its 'next' token to get the following page.");
        events.MapPut("/events/{id}", UpdateEventAsync).WithName("UpdateEvent").RequireScope(AccessScopes.Write)
            .WithSummary("Replace an event's data")
            .WithDescription("Replaces the data (and optionally the type) and bumps the version. With If-Match, only if the version is still the one given: "
                + "412 otherwise, with nothing changed; GET the event again for the current version.")
            .WithRequestExample("application/json", """{"type":"order.created","data":{"amount":45,"currency":"EUR"}}""")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        events.MapDelete("/events/{id}", DeleteEventAsync).WithName("DeleteEvent").RequireScope(AccessScopes.Write)
            .WithSummary("Delete an event")
            .WithDescription("With If-Match, only if the version is still the one given: 412 otherwise, with nothing deleted.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
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
        return item is null ? NotFound(id) : WithETag(response, item);
    }

    private static Ok<EventItem> WithETag(HttpResponse response, EventItem item)
    {
        response.Headers.ETag = $"\"{item.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok(item);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        $"No event has the id '{id}' (yet: an event is queryable once the processor has stored it).",
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.");

    private static ProblemHttpResult VersionConflict(string id, long? expected) => TypedResults.Problem(
        $"Event '{id}' is no longer at version {expected}; GET it again for the current version and ETag.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The event changed.",
        extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });

    private static long? IfMatch(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header) || header == "*")
        {
            return null;
        }

        if (long.TryParse(header.Trim().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        errors["If-Match"] = ["'If-Match' must be an ETag this Api returned, such as \"3\"."];
        return null;
    }

    /// <summary>Replaces an event's data (and type); with If-Match, only if the version still matches (412 otherwise).</summary>
    public static async Task<Results<Ok<EventItem>, ValidationProblem, ProblemHttpResult>> UpdateEventAsync(
        string id,
        EventUpdate update,
        HttpRequest request,
        HttpResponse response,
        [AsParameters] QueryServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.Data is not { ValueKind: System.Text.Json.JsonValueKind.Object } data)
        {
            errors["data"] = ["'data' is required: a JSON object."];
        }
        else if (DynamoDbLimits.ProblemWith(data) is { } unstorable)
        {
            errors["data"] = [$"'data' cannot be stored: {unstorable}."];
        }

        if (update.Type is not null && !Testbed.Records.Events.EventRules.IsValidType(update.Type))
        {
            errors["type"] = [Testbed.Records.Events.EventRules.TypeRule];
        }

        var expected = IfMatch(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The update is not valid.");
        }

        var (outcome, item) = await services.Items.UpdateAsync(id, update.Data!.Value, update.Type, expected, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            ItemWriteOutcome.Done => WithETag(response, item!),
            ItemWriteOutcome.NotFound => NotFound(id),
            _ => VersionConflict(id, expected),
        };
    }

    /// <summary>Deletes an event; with If-Match, only if the version still matches.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteEventAsync(
        string id,
        HttpRequest request,
        [AsParameters] QueryServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var expected = IfMatch(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is not valid.");
        }

        return await services.Items.DeleteAsync(id, expected, cancellationToken).ConfigureAwait(false) switch
        {
            ItemWriteOutcome.Done => TypedResults.NoContent(),
            ItemWriteOutcome.NotFound => NotFound(id),
            _ => VersionConflict(id, expected),
        };
    }

    /// <summary>Events of one type in a time range, oldest first, paged.</summary>
    public static async Task<Results<Ok<EventPage>, ValidationProblem>> ListEventsAsync(
        [Description("The event type to list (required).")] string? type,
        [Description("The earliest timestamp, ISO 8601 such as 2026-11-22T10:00:00Z; open when left out.")] string? from,
        [Description("The latest timestamp, ISO 8601; open when left out.")] string? to,
        [Description("Events per page, 1-1000 (100 when left out).")] int? limit,
        [Description("The 'next' token of the previous page.")] string? next,
        [AsParameters] QueryServices services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(type))
        {
            errors["type"] = ["'type' is required: events are listed per type."];
        }
        else if (!Testbed.Records.Events.EventRules.IsValidType(type))
        {
            errors["type"] = [Testbed.Records.Events.EventRules.TypeRule];
        }

        var (start, end) = TimeRange.Parse(from, to, errors);
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"'limit' must be between 1 and {MaxLimit}."];
        }

        if (next is not null && errors.Count == 0 && !ItemStore.IsValidToken(next, type!, start, end))
        {
            errors["next"] = ["'next' is not a token this Api handed out for this type and time range."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        return TypedResults.Ok(await services.Items.QueryAsync(type!, start, end, limit ?? DefaultLimit, next, cancellationToken).ConfigureAwait(false));
    }
}
