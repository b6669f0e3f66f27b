using Testbed.LoadTests.Baseline;
using Testbed.LoadTests.Capacity;
using Testbed.LoadTests.Checks;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Processes;
using Testbed.LoadTests.Stack;
using Testbed.LoadTests.Thresholds;

namespace Testbed.LoadTests.Reports;

/// <summary>Everything one run measured, as every report format writes it.</summary>
public sealed record RunReport(
    string Scenario,
    string Simulation,
    string Target,
    DateTimeOffset StartedAt,
    TimeSpan Warmup,
    TimeSpan Duration,
    IReadOnlyList<StepStats> Steps,
    LossResult? Loss,
    PipelineFreshness? PipelineFreshness,
    IReadOnlyList<ThroughputResult> Baseline,
    IReadOnlyList<ThresholdResult> Thresholds,
    IReadOnlyList<ProcessUsage>? Processes = null,
    CapacityResult? Capacity = null,
    IReadOnlyList<RaisedAlarm>? Alarms = null,
    PrimeResult? Primed = null,
    ProcessUsage? Machine = null,
    CatchUpResult? CatchUp = null,
    TimeSpan? Sampled = null,
    ProbeReads? Probe = null)
{
    /// <summary>The step whose rate the capacity ratio uses (ingest or upload).</summary>
    public StepStats? Main => Steps.FirstOrDefault();

    /// <summary>Events the pipeline stored per second, from the start of the load (warm-up included) until it had caught up; null without a loss check.</summary>
    public double? StoredPerSecond => Loss is { Stored: > 0 } loss ? loss.Stored / (Warmup + Duration + loss.Drain).TotalSeconds : null;

    /// <summary>Events accepted per second of the window the processes' CPU was taken over (<see cref="Sampled"/>, else the measured load); null without an ingest or upload step, or against the runner's own endpoint.</summary>
    /// <remarks>A capacity run's window holds its stages and the waits between them (each stage's sampled events polled until queryable), so its events are counted over all of it.</remarks>
    public double? AcceptedPerSecond
    {
        get
        {
            // A capacity run's stages each last an equal part of the measured load; any other run's events are those of its main step.
            var accepted = Scenario == "runner-check" ? null
                : Capacity is { Stages.Count: > 0 } capacity ? capacity.Stages.Sum(s => s.Ingest.UnitsPerSecond) * (Duration / capacity.Stages.Count).TotalSeconds
                : Main?.UnitsPerSecond * Duration.TotalSeconds;
            return accepted / (Sampled ?? Duration).TotalSeconds;
        }
    }

    /// <summary>The pipeline's sustained rate (the capacity scenario's knee, else <see cref="StoredPerSecond"/>, else the main step's events/s) per DynamoDB emulator item per second alone; null without a baseline.</summary>
    public double? DynamoDbRatio => Ratio(BaselineMeasure.DynamoDbItems);

    /// <summary>The same against the DynamoDB emulator's items per second alone when they are the pipeline's own items.</summary>
    public double? PipelineItemsRatio => Ratio(BaselineMeasure.DynamoDbPipelineItems);

    /// <summary>The same against Kinesis PutRecords records per second.</summary>
    public double? KinesisRatio => Ratio(BaselineMeasure.KinesisRecords);

    /// <summary>A figure by its threshold name: step.metric, loss, ratio, items-ratio, knee; null when the run has none.</summary>
    public double? Figure(string name)
    {
        switch (name)
        {
            case "loss":
                return Loss?.Lost;
            case "ratio":
                return DynamoDbRatio;
            case "items-ratio":
                return PipelineItemsRatio;
            case "knee":
                return Capacity?.Knee;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return null;
        }

        var step = Steps.FirstOrDefault(s => s.Name == name[..dot]);
        return step?.Figure(name[(dot + 1)..]);
    }

    private double? Ratio(BaselineMeasure measure) =>
        Baseline.FirstOrDefault(b => b.Measure == measure) is not { PerSecond: > 0 } baseline ? null
            : Capacity is { } capacity ? capacity.Knee / baseline.PerSecond
            : Main is { } main ? (StoredPerSecond ?? main.UnitsPerSecond) / baseline.PerSecond
            : null;
}
