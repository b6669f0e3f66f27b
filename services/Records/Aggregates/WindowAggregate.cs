using System.Collections.Immutable;
using System.Text.Json;
using Testbed.Records.Events;

namespace Testbed.Records.Aggregates;

/// <summary>One type's aggregate for one minute: event count, per-field stats, and per shard the last sequence number already counted.</summary>
public sealed record WindowAggregate(
    long Count,
    ImmutableSortedDictionary<string, FieldStats> Fields,
    ImmutableSortedDictionary<string, string> Marks,
    long Version)
{
    /// <summary>A window nothing was counted in yet.</summary>
    public static WindowAggregate Empty { get; } = new(0, ImmutableSortedDictionary<string, FieldStats>.Empty, ImmutableSortedDictionary<string, string>.Empty, 0);

    /// <summary>This aggregate and another share of the same window together: counts and sums added, extremes kept, marks of both.</summary>
    public WindowAggregate Plus(WindowAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var fields = Fields.ToBuilder();
        foreach (var (name, stats) in other.Fields)
        {
            fields[name] = fields.TryGetValue(name, out var mine) ? mine.Plus(stats) : stats;
        }

        return new WindowAggregate(Count + other.Count, fields.ToImmutable(), Marks.SetItems(other.Marks), Version + other.Version);
    }

    /// <summary>Counts the events of one shard (in sequence order) that come after that shard's mark; events at or before it were counted already.</summary>
    /// <returns>The new aggregate, or null when every event was counted before (a redelivery).</returns>
    public WindowAggregate? With(string shardId, IEnumerable<(string SequenceNumber, JsonElement Data)> events)
    {
        var mark = Marks.GetValueOrDefault(shardId);
        var fresh = events.Where(e => SequenceNumbers.IsAfter(e.SequenceNumber, mark)).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }

        var count = Count;
        var fields = Fields.ToBuilder();
        foreach (var record in fresh)
        {
            count++;
            foreach (var property in record.Data.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var value))
                {
                    fields[property.Name] = fields.TryGetValue(property.Name, out var stats) ? stats.Add(value) : FieldStats.Of(value);
                }
            }
        }

        return new WindowAggregate(count, fields.ToImmutable(), Marks.SetItem(shardId, fresh[^1].SequenceNumber), Version + 1);
    }
}
