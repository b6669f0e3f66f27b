using System.Text.Json;

namespace Testbed.Records.Events;

/// <summary>One accepted event as it is written to Kinesis: the client's event plus what ingestion stamped on it.</summary>
public sealed record EventRecord
{
    /// <summary>The client's idempotency key, or one ingestion generated.</summary>
    public required string Id { get; init; }

    /// <summary>The event's type, which aggregates group by.</summary>
    public required string Type { get; init; }

    /// <summary>When the event happened (the client's timestamp, or the acceptance time).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When ingestion accepted it.</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>The W3C traceparent of the ingestion span, so processing continues the same trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The event's payload, a JSON object.</summary>
    public required JsonElement Data { get; init; }

    /// <summary>The dataset a batch-uploaded row belongs to.</summary>
    public string? Dataset { get; init; }

    /// <summary>The row's index in its dataset file (0-based, header excluded).</summary>
    public long? Row { get; init; }
}
