using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Processes;

namespace Testbed.LoadTests.Capacity;

/// <summary>One rate the capacity scenario held for a stage: what ingestion accepted, how fresh the sampled events were, what was left behind, and what each process used.</summary>
/// <param name="Rate">The offered rate in events per second (one per request, or in batches).</param>
/// <param name="Ingest">The stage's ingest requests.</param>
/// <param name="Freshness">The stage's sampled events, accept → queryable.</param>
/// <param name="BacklogSeconds">Records not yet read by the processors when the stage's load ended, in seconds of the offered rate; null when the Api did not say.</param>
/// <param name="Processes">Each process's CPU over the stage, busiest first.</param>
/// <param name="Breaches">What this stage exceeded; empty when the pipeline kept up.</param>
/// <param name="Machine">The whole machine's CPU over the stage, the kernel's work included; null where /proc/stat cannot be read.</param>
public sealed record CapacityStage(
    double Rate,
    StepStats Ingest,
    StepStats Freshness,
    double? BacklogSeconds,
    IReadOnlyList<ProcessUsage> Processes,
    IReadOnlyList<string> Breaches,
    ProcessUsage? Machine = null)
{
    /// <summary>Whether the pipeline kept up at this rate.</summary>
    public bool Held => Breaches.Count == 0;
}
