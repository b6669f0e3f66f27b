using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Ingestion.Accepting;
using Testbed.Ingestion.Model;
using Testbed.Ingestion.Parsing;
using Testbed.Ingestion.Publishing;
using Testbed.Records.Events;
using Testbed.ServiceDefaults.Authentication;
using Testbed.ServiceDefaults.OpenApi;

namespace Testbed.Ingestion.Apis;

/// <summary>POST /events and POST /events/batch: validate, stamp, publish to Kinesis, answer once Kinesis has the records.</summary>
public static class EventsApi
{
    /// <summary>The most events one batch may hold (a PutRecords call's limit).</summary>
    public const int MaxBatchEvents = 500;

    private const string SingleExample = """{"type":"order.created","id":"order-1001","timestamp":"2026-11-22T10:00:00Z","data":{"amount":42.5,"currency":"EUR"}}""";
    private const string SecondExample = """{"type":"order.created","id":"order-1002","data":{"amount":7}}""";
    private const int MaxEventBody = EventRules.MaxRecordBytes + (64 * 1024);
    private const int MaxBatchBody = 64 * 1024 * 1024;

    /// <summary>Maps the events endpoints.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        // Full paths under an empty group: a "/events" group with an empty pattern names its route "/events/" in traces.
        var events = app.MapGroup(string.Empty).WithTags("Events").RequireScope(AccessScopes.Write)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        events.MapPost("/events", PostEventAsync).WithName("PostEvent")
            .WithSummary("Put one event on the stream")
            .WithDescription("Validates the event, stamps its id, acceptance time and trace context, and answers 202 once Kinesis has the record. "
                + "The event is queryable through the Api's GET /events/{id} once the processors have stored it.")
            .WithJsonBody<EventDraft>("application/json", SingleExample);
        events.MapPost("/events/batch", PostBatchAsync).WithName("PostEventBatch")
            .WithSummary("Put up to 500 events on the stream")
            .WithDescription("A JSON array of events, or NDJSON with one event per line. If any event is invalid, nothing is stored and the problem names it by index. "
                + "202 when Kinesis took every record; 207 with a result per event when it refused some (retry those: ids make retries idempotent).")
            .WithJsonBody<EventDraft[]>("application/json", $"[{SingleExample},{SecondExample}]")
            .WithTextBody("application/x-ndjson", "One event per line, each a JSON object as in the application/json body; empty lines are skipped.", $"{SingleExample}\n{SecondExample}\n")
            .Produces<BatchAnswer>(StatusCodes.Status207MultiStatus);
        return app;
    }

    /// <summary>Accepts one JSON event.</summary>
    public static async Task<Results<Accepted<AcceptedEvent>, ValidationProblem, ProblemHttpResult>> PostEventAsync(
        HttpRequest request,
        [AsParameters] EventsServices services,
        CancellationToken cancellationToken)
    {
        if (!RequestBody.HasMediaType(request, "application/json"))
        {
            return IngestionProblems.UnsupportedMediaType(request, "application/json");
        }

        var body = await RequestBody.ReadAsync(request, MaxEventBody, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return IngestionProblems.TooLarge("body", $"An event may be at most {EventRules.MaxRecordBytes:N0} bytes once stored (Kinesis's record limit).");
        }

        using var document = BodyParser.ParseDocument(body, out var malformed);
        if (document is null)
        {
            return Invalid("body", malformed!);
        }

        var errors = new Dictionary<string, string[]>();
        var draft = EventValidator.Validate(document.RootElement, string.Empty, errors);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The event is not valid.");
        }

        var acceptedAt = services.Time.GetUtcNow();
        using var pending = PendingRecords.Stamp(1, services.Resources.Stream.Name, (_, traceParent) => EventStamper.Stamp(draft, acceptedAt, traceParent));
        var (record, bytes) = pending.Records[0];
        if (pending.FirstOversized >= 0)
        {
            return IngestionProblems.TooLarge("data", $"The stored event would be {bytes.Length:N0} bytes; Kinesis takes at most {EventRules.MaxRecordBytes:N0} per record.");
        }

        var result = (await pending.PublishAsync(services.Publisher, cancellationToken).ConfigureAwait(false))[0];
        if (result.Outcome != PublishOutcome.Published)
        {
            return Unavailable(request, result.Error);
        }

        return TypedResults.Accepted($"/events/{record.Id}", new AcceptedEvent(record.Id, record.AcceptedAt, result.ShardId!, result.SequenceNumber!));
    }

    /// <summary>Accepts a JSON array or NDJSON of up to 500 events; nothing is written unless every event is valid.</summary>
    public static async Task<Results<Accepted<BatchAnswer>, JsonHttpResult<BatchAnswer>, ValidationProblem, ProblemHttpResult>> PostBatchAsync(
        HttpRequest request,
        [AsParameters] EventsServices services,
        CancellationToken cancellationToken)
    {
        var ndjson = RequestBody.HasMediaType(request, "application/x-ndjson", "application/jsonl", "application/json-seq");
        if (!ndjson && !RequestBody.HasMediaType(request, "application/json"))
        {
            return IngestionProblems.UnsupportedMediaType(request, "application/json (an array) or application/x-ndjson");
        }

        var body = await RequestBody.ReadAsync(request, MaxBatchBody, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return IngestionProblems.TooLarge("body", $"A batch body may be at most {MaxBatchBody:N0} bytes.");
        }

        var documents = ParseBatch(body, ndjson, out var parseError);
        try
        {
            if (documents is null)
            {
                return Invalid("body", parseError!);
            }

            var elements = documents.Count == 1 && !ndjson ? [.. documents[0].RootElement.EnumerateArray()] : documents.Select(d => d.RootElement).ToList();
            if (elements.Count == 0)
            {
                return Invalid("body", "The batch holds no events.");
            }

            if (elements.Count > MaxBatchEvents)
            {
                return IngestionProblems.TooLarge("body", $"A batch holds at most {MaxBatchEvents} events; this one has {elements.Count}.");
            }

            var errors = new Dictionary<string, string[]>();
            var drafts = elements.Select((e, i) => EventValidator.Validate(e, $"[{i}].", errors)).ToList();
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "The batch is not valid; no event of it was accepted.");
            }

            var acceptedAt = services.Time.GetUtcNow();
            using var pending = PendingRecords.Stamp(drafts.Count, services.Resources.Stream.Name, (i, traceParent) => EventStamper.Stamp(drafts[i]!, acceptedAt, traceParent));
            var oversized = pending.FirstOversized;
            if (oversized >= 0)
            {
                return IngestionProblems.TooLarge($"[{oversized}].data", $"Event {oversized} would be {pending.Records[oversized].Bytes.Length:N0} bytes; Kinesis takes at most {EventRules.MaxRecordBytes:N0} per record.");
            }

            var results = await pending.PublishAsync(services.Publisher, cancellationToken).ConfigureAwait(false);
            var stamped = pending.Records;
            var items = results.Select((r, i) => r.Outcome == PublishOutcome.Published
                    ? new BatchItemResult(i, stamped[i].Record.Id, "accepted", r.ShardId, r.SequenceNumber)
                    : new BatchItemResult(i, stamped[i].Record.Id, "failed", Error: r.Error))
                .ToList();
            var accepted = items.Count(i => i.Status == "accepted");
            var answer = new BatchAnswer(accepted, items.Count - accepted, acceptedAt, items);
            if (accepted == items.Count)
            {
                return TypedResults.Accepted((string?)null, answer);
            }

            if (accepted == 0 && results.All(r => r.Outcome == PublishOutcome.Unavailable))
            {
                return Unavailable(request, results[0].Error);
            }

            // Some stored, some not: 207 with each event's fate, never a blanket 202.
            return TypedResults.Json(answer, statusCode: StatusCodes.Status207MultiStatus);
        }
        finally
        {
            foreach (var document in documents ?? [])
            {
                document.Dispose();
            }
        }
    }

    private static List<JsonDocument>? ParseBatch(byte[] body, bool ndjson, out string? error)
    {
        if (ndjson)
        {
            return BodyParser.ParseLines(body, out error);
        }

        var document = BodyParser.ParseDocument(body, out error);
        if (document is null)
        {
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            error = "A batch is a JSON array of events (or NDJSON with Content-Type application/x-ndjson).";
            return null;
        }

        return [document];
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request body is not valid.");

    private static ProblemHttpResult Unavailable(HttpRequest request, string? error) => IngestionProblems.Unavailable(
        request,
        $"The event was not stored: {error ?? "Kinesis is unavailable"}. Retry after {IngestionProblems.RetryAfterSeconds} s; the id makes the retry safe.");
}
