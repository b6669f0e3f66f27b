using System.Globalization;
using System.Text.Json;
using Testbed.Processor.Model;
using Testbed.Records.Events;

namespace Testbed.Processor.Tests;

/// <summary>Builds shard records the way the consumer hands them to the batch processor.</summary>
public static class Records
{
    public static ReceivedRecord Make(string shard, long sequence, string type, DateTimeOffset time, string dataJson, string? id = null)
    {
        var record = new EventRecord
        {
            Id = id ?? $"{type}-{sequence}",
            Type = type,
            Timestamp = time,
            AcceptedAt = time,
            Data = JsonDocument.Parse(dataJson).RootElement.Clone(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, EventJsonContext.Default.EventRecord);
        return new ReceivedRecord(shard, sequence.ToString("D56", CultureInfo.InvariantCulture), time, bytes, record);
    }

    /// <summary>An event's bytes as ingestion puts them on the stream, accepted now.</summary>
    public static byte[] EventBytes(string id, string type, string dataJson)
    {
        var now = DateTimeOffset.UtcNow;
        return JsonSerializer.SerializeToUtf8Bytes(
            new EventRecord { Id = id, Type = type, Timestamp = now, AcceptedAt = now, Data = JsonDocument.Parse(dataJson).RootElement.Clone() },
            EventJsonContext.Default.EventRecord);
    }
}
