using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Testbed.Processor.Model;

namespace Testbed.Processor.Telemetry;

/// <summary>The processor's spans and metrics: one span per event continuing ingestion's trace, the end-to-end freshness histogram, and per shard how far behind this instance reads.</summary>
public sealed class ProcessorTelemetry : IDisposable
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Testbed.Processor";

    private readonly Meter _meter = new(Name);
    private readonly ConcurrentDictionary<string, long> _behind = new();

    /// <summary>Creates the instruments.</summary>
    public ProcessorTelemetry()
    {
        Freshness = _meter.CreateHistogram<double>("testbed.pipeline.freshness", "ms", "Time from acceptance by ingestion to the event being stored (processedAt - acceptedAt).");
        Processed = _meter.CreateCounter<long>("testbed.processor.records", "{record}", "Records processed and checkpointed.");
        DeadLetters = _meter.CreateCounter<long>("testbed.processor.dead_letters", "{record}", "Records that were not events, kept under dead-letter/ in the lake.");
        // Each instance reports only the shards it holds: the series' service.instance.id is the lease owner.
        _meter.CreateObservableGauge(
            "testbed.processor.shard.behind",
            () => _behind.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("shard.id", s.Key))),
            "ms",
            "How far behind the tip of its shard this instance's last read was (GetRecords MillisBehindLatest).");
        _meter.CreateObservableGauge("testbed.processor.shards.owned", () => _behind.Count, "{shard}", "Shards whose lease this instance holds and reads.");
    }

    /// <summary>The source of the processor's spans.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>processedAt − acceptedAt per event, in milliseconds.</summary>
    public Histogram<double> Freshness { get; }

    /// <summary>Records processed.</summary>
    public Counter<long> Processed { get; }

    /// <summary>Records that were not events.</summary>
    public Counter<long> DeadLetters { get; }

    /// <summary>
    /// Calls <paramref name="continueTrace"/> for each record whose event carries a trace, with the span that ingested it as the parent; not at
    /// all when nothing listens to the processor's spans. The caller's current activity is the same afterwards.
    /// </summary>
    public static void ContinueTraces(IEnumerable<ReceivedRecord> records, Action<ReceivedRecord, ActivityContext> continueTrace)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(continueTrace);
        if (!Source.HasListeners())
        {
            return;
        }

        // A span started under a remote parent leaves no current activity when it stops: put back what the caller had.
        var previous = Activity.Current;
        try
        {
            foreach (var record in records)
            {
                if (record.Event?.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var parent))
                {
                    continueTrace(record, parent);
                }
            }
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    /// <summary>Records the shard's lag after a read by this instance.</summary>
    public void ReportBehind(string shardId, long milliseconds) => _behind[shardId] = milliseconds;

    /// <summary>Stops reporting a shard this instance no longer reads.</summary>
    public void Forget(string shardId) => _behind.TryRemove(shardId, out _);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
