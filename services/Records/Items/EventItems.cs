using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Testbed.Records.Events;

namespace Testbed.Records.Items;

/// <summary>How an event is stored as an item of the items table: written by the processor (and by the load runner's baseline, to measure the same items), read by the Api.</summary>
public static class EventItems
{
    /// <summary>The item of an event read from a shard at a sequence number and stored at <paramref name="processedAt"/> (as <see cref="ItemAttributes.Time"/> writes it).</summary>
    public static Dictionary<string, AttributeValue> Write(EventRecord e, string shardId, string sequenceNumber, string processedAt)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [ItemAttributes.Id] = new() { S = e.Id },
            [ItemAttributes.Type] = new() { S = e.Type },
            [ItemAttributes.EventTime] = new() { S = ItemAttributes.SortKey(e.Timestamp, e.Id) },
            [ItemAttributes.AcceptedAt] = new() { S = ItemAttributes.Time(e.AcceptedAt) },
            [ItemAttributes.ProcessedAt] = new() { S = processedAt },
            [ItemAttributes.Data] = JsonAttributes.ToAttribute(e.Data),
            [ItemAttributes.ShardId] = new() { S = shardId },
            [ItemAttributes.SequenceNumber] = new() { S = sequenceNumber },
            [ItemAttributes.Version] = new() { N = "1" },
        };
        if (e.TraceParent is not null)
        {
            item[ItemAttributes.TraceParent] = new() { S = e.TraceParent };
        }

        if (e.Dataset is not null)
        {
            item[ItemAttributes.Dataset] = new() { S = e.Dataset };
            item[ItemAttributes.Row] = new() { N = (e.Row ?? 0).ToString(CultureInfo.InvariantCulture) };
        }

        return item;
    }
}
