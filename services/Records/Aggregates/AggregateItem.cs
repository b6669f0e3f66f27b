using System.Collections.Immutable;
using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Testbed.Records.Aggregates;

/// <summary>How a <see cref="WindowAggregate"/> is stored as a DynamoDB item: written by the processor, read by the processor and the Api.</summary>
public static class AggregateItem
{
    /// <summary>The item of a window's share under its sort key (<see cref="AggregateAttributes.KeyOf"/>).</summary>
    public static Dictionary<string, AttributeValue> Write(string type, string key, WindowAggregate aggregate) => new()
    {
        [AggregateAttributes.Type] = new() { S = type },
        [AggregateAttributes.Window] = new() { S = key },
        [AggregateAttributes.Count] = Number(aggregate.Count),
        [AggregateAttributes.Fields] = new()
        {
            M = aggregate.Fields.ToDictionary(f => f.Key, f => new AttributeValue
            {
                M = new()
                {
                    ["count"] = Number(f.Value.Count),
                    ["sum"] = Number(f.Value.Sum),
                    ["min"] = Number(f.Value.Min),
                    ["max"] = Number(f.Value.Max),
                },
            }),
            IsMSet = true,
        },
        [AggregateAttributes.Marks] = new() { M = aggregate.Marks.ToDictionary(m => m.Key, m => new AttributeValue { S = m.Value }), IsMSet = true },
        [AggregateAttributes.Version] = Number(aggregate.Version),
    };

    /// <summary>The aggregate stored in an item.</summary>
    public static WindowAggregate Read(Dictionary<string, AttributeValue> item) => new(
        long.Parse(item[AggregateAttributes.Count].N, CultureInfo.InvariantCulture),
        (item.GetValueOrDefault(AggregateAttributes.Fields)?.M ?? []).ToImmutableSortedDictionary(
            f => f.Key,
            f => new FieldStats(
                long.Parse(f.Value.M["count"].N, CultureInfo.InvariantCulture),
                Decimal(f.Value.M["sum"]),
                Decimal(f.Value.M["min"]),
                Decimal(f.Value.M["max"])),
            StringComparer.Ordinal),
        (item.GetValueOrDefault(AggregateAttributes.Marks)?.M ?? []).ToImmutableSortedDictionary(m => m.Key, m => m.Value.S, StringComparer.Ordinal),
        long.Parse(item[AggregateAttributes.Version].N, CultureInfo.InvariantCulture));

    /// <summary>The event type and window start an item is stored under (without its shard).</summary>
    public static (string Type, string Window) KeyOf(Dictionary<string, AttributeValue> item) =>
        (item[AggregateAttributes.Type].S, AggregateAttributes.WindowOfKey(item[AggregateAttributes.Window].S));

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static AttributeValue Number(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static decimal Decimal(AttributeValue value) => decimal.Parse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture);
}
