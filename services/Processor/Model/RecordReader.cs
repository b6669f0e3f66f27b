using System.Text.Json;
using Testbed.Aws.Kinesis.Model;
using Testbed.Records.Events;
using Testbed.Records.Items;

namespace Testbed.Processor.Model;

/// <summary>Reads a Kinesis record as an event, or says why it is not one (not JSON, not the event shape, a bad id or type, data not an object or beyond DynamoDB's limits): the rules of the published event-record schema.</summary>
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
            _ when !EventRules.IsValidId(parsed.Id) => $"the event's id is not 1-{EventRules.MaxNameLength} letters, digits, '.', '_', ':' or '-'",
            _ when !EventRules.IsValidType(parsed.Type) => $"the event's type is not 1-{EventRules.MaxNameLength} letters, digits, '.', '_' or '-'",
            { Data.ValueKind: not JsonValueKind.Object } => $"the event's data is {parsed.Data.ValueKind}, not an object",
            _ when DynamoDbLimits.ProblemWith(parsed.Data) is { } unstorable => $"the event's data cannot be stored in DynamoDB: {unstorable}",
            { Dataset: null, Row: not null } or { Dataset: not null, Row: null } => "a dataset row has both 'dataset' and 'row', or neither",
            { Dataset: { } dataset } when !DatasetNames.IsValid(dataset) => "the event's dataset is not 1-100 letters, digits, '.', '_' or '-'",
            { Row: < 0 } => "the event's row is negative",
            _ => null,
        };
        return new ReceivedRecord(shardId, record.SequenceNumber, arrived, record.Data, rejection is null ? parsed : null, rejection);
    }
}
