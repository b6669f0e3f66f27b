using Testbed.Ingestion.Parsing;
using Testbed.Records.Events;

namespace Testbed.Ingestion.Accepting;

/// <summary>Turns a validated draft into the stream record: id, acceptedAt and the traceparent of the span that publishes it.</summary>
public static class EventStamper
{
    /// <summary>The record of a draft accepted at the time.</summary>
    public static EventRecord Stamp(EventDraft draft, DateTimeOffset acceptedAt, string? traceParent) => new()
    {
        Id = draft.Id ?? Guid.CreateVersion7(acceptedAt).ToString("N"),
        Type = draft.Type,
        Timestamp = draft.Timestamp ?? acceptedAt,
        AcceptedAt = acceptedAt,
        TraceParent = traceParent,
        Data = draft.Data,
    };
}
