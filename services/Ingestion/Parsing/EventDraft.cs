using System.Text.Json;

namespace Testbed.Ingestion.Parsing;

/// <summary>A client event that passed validation, before ingestion stamps it.</summary>
/// <param name="Type">The event's type.</param>
/// <param name="Id">The client's idempotency key, if given.</param>
/// <param name="Timestamp">The client's timestamp, if given.</param>
/// <param name="Data">The payload object.</param>
public sealed record EventDraft(string Type, string? Id, DateTimeOffset? Timestamp, JsonElement Data);
