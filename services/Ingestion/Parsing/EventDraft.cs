using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Testbed.Records.Events;

namespace Testbed.Ingestion.Parsing;

/// <summary>A client event that passed validation, before ingestion stamps it; its attributes describe the request body in the OpenAPI document.</summary>
/// <param name="Type">The event's type.</param>
/// <param name="Data">The payload object.</param>
/// <param name="Id">The client's idempotency key, if given.</param>
/// <param name="Timestamp">The client's timestamp, if given.</param>
public sealed record EventDraft(
    [property: Description("The event's type: what it is about, such as order.created. Events are listed and aggregated per type.")]
    [property: StringLength(EventRules.MaxNameLength, MinimumLength = 1)]
    [property: RegularExpression(EventRules.TypeCharacters)]
    string Type,
    [property: Description("The payload: a JSON object. Its numeric fields are summed per minute in the aggregates.")]
    JsonElement Data,
    [property: Description("Your idempotency key: posting the same id again stores the event once. Ingestion makes one up when it is left out.")]
    [property: StringLength(EventRules.MaxNameLength, MinimumLength = 1)]
    [property: RegularExpression(EventRules.IdCharacters)]
    string? Id = null,
    [property: Description("When the event happened, ISO 8601 with a UTC offset; the acceptance time when left out. Aggregates window on it.")]
    DateTimeOffset? Timestamp = null);
