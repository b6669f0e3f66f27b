using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Testbed.Processor.Telemetry;

/// <summary>The processor's spans and metrics: one span per event continuing ingestion's trace, and the end-to-end freshness histogram.</summary>
public sealed class ProcessorTelemetry : IDisposable
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Testbed.Processor";

    private readonly Meter _meter = new(Name);

    /// <summary>Creates the instruments.</summary>
    public ProcessorTelemetry()
    {
        Freshness = _meter.CreateHistogram<double>("testbed.pipeline.freshness", "ms", "Time from acceptance by ingestion to the event being stored (processedAt - acceptedAt).");
        Processed = _meter.CreateCounter<long>("testbed.processor.records", "{record}", "Records processed and checkpointed.");
    }

    /// <summary>The source of the processor's spans.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>processedAt − acceptedAt per event, in milliseconds.</summary>
    public Histogram<double> Freshness { get; }

    /// <summary>Records processed.</summary>
    public Counter<long> Processed { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
