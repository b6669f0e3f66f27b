namespace Testbed.Telemetry;

/// <summary>A span as received over OTLP, flattened for display and queries.</summary>
/// <param name="TraceId">32 lower-case hex digits.</param>
/// <param name="SpanId">16 lower-case hex digits.</param>
/// <param name="ParentSpanId">The parent's span id, or null for a root.</param>
/// <param name="Name">The span's name.</param>
/// <param name="Kind">server, client, producer, consumer or internal.</param>
/// <param name="Service">The resource's service.name.</param>
/// <param name="Start">When it started.</param>
/// <param name="End">When it ended.</param>
/// <param name="Attributes">Its attributes, values as text.</param>
/// <param name="Error">The error status message, or null when the span did not fail.</param>
/// <param name="Events">What it recorded along the way, by time.</param>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Service,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, string> Attributes,
    string? Error,
    IReadOnlyList<SpanEvent>? Events = null)
{
    /// <summary>How long it took.</summary>
    public TimeSpan Duration => End - Start;
}
