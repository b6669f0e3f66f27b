using System.Text.Json;
using Testbed.Records.Events;
using Testbed.Ingestion.Parsing;

namespace Testbed.Ingestion.Apis;

/// <summary>Turns a validated draft into the stream record: id, acceptedAt and the traceparent of the span that publishes it.</summary>
public static class EventStamper
{
    /// <summary>The record and its serialised bytes.</summary>
    public static (EventRecord Record, byte[] Bytes) Stamp(EventDraft draft, DateTimeOffset acceptedAt, string? traceParent)
    {
        var record = new EventRecord
        {
            Id = draft.Id ?? Guid.CreateVersion7(acceptedAt).ToString("N"),
            Type = draft.Type,
            Timestamp = draft.Timestamp ?? acceptedAt,
            AcceptedAt = acceptedAt,
            TraceParent = traceParent,
            Data = draft.Data,
        };
        return (record, JsonSerializer.SerializeToUtf8Bytes(record, EventJsonContext.Default.EventRecord));
    }

    /// <summary>Whether the record fits Kinesis's 1 MiB limit for data plus partition key.</summary>
    public static bool Fits(EventRecord record, byte[] bytes) =>
        bytes.Length + System.Text.Encoding.UTF8.GetByteCount(record.Id) <= EventRules.MaxRecordBytes;
}
