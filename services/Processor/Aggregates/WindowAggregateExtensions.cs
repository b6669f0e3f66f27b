using Testbed.Processor.Model;
using Testbed.Records.Aggregates;

namespace Testbed.Processor.Aggregates;

/// <summary>Counts received records into a window.</summary>
public static class WindowAggregateExtensions
{
    /// <summary>The window with the shard's records that are events and come after its mark; null when all were counted before.</summary>
    public static WindowAggregate? With(this WindowAggregate aggregate, string shardId, IEnumerable<ReceivedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.With(shardId, records.Where(r => r.Event is not null).Select(r => (r.SequenceNumber, r.Event!.Data)));
    }
}
