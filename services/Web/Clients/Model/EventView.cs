using System.Text.Json;

namespace Testbed.Web.Clients.Model;

/// <summary>A stored event as the Api shows it (GET /events/{id}).</summary>
public sealed record EventView(
    string Id,
    string Type,
    DateTimeOffset Timestamp,
    DateTimeOffset AcceptedAt,
    DateTimeOffset? ProcessedAt,
    JsonElement Data,
    string? ShardId,
    string? SequenceNumber,
    string? TraceParent,
    string? Dataset,
    long? Row,
    long Version);
