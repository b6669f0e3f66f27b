using System.Text.Json;
using Testbed.Aws.Kinesis.Model;
using Testbed.Records.Events;

namespace Testbed.Processor.Model;

/// <summary>Reads a Kinesis record as an event, or says why it is not one (not JSON, not the event shape, no id or type, data not an object).</summary>
public static class RecordReader
{
    /// <summary>The received record, with its event or its rejection.</summary>
    public static ReceivedRecord Read(string shardId, Record record, DateTimeOffset fallbackArrival)
    {
        ArgumentNullException.ThrowIfNull(record);
        var arrived = record.ApproximateArrivalTimestamp ?? fallbackArrival;
        EventRecord? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(record.Data, EventJsonContext.Default.EventRecord);
        }
        catch (JsonException error)
        {
            return new ReceivedRecord(shardId, record.SequenceNumber, arrived, record.Data, null, $"not a JSON event: {error.Message}");
        }

        var rejection = parsed switch
        {
            null => "not a JSON event: null",
            { Id.Length: 0 } => "the event has an empty id",
            { Type.Length: 0 } => "the event has an empty type",
            { Data.ValueKind: not JsonValueKind.Object } => $"the event's data is {parsed.Data.ValueKind}, not an object",
            _ => null,
        };
        return new ReceivedRecord(shardId, record.SequenceNumber, arrived, record.Data, rejection is null ? parsed : null, rejection);
    }
}
