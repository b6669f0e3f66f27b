using System.Text.Json;

namespace Testbed.Api.Model;

/// <summary>A stored event as the Api shows it.</summary>
public sealed record EventItem(
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
