using System.Globalization;
using Testbed.LoadTests.Checks;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Processes;
using Testbed.LoadTests.Scenarios;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Capacity;

/// <summary>
/// The capacity scenario: events at a constant rate for one stage (one per request, or in batches), then a higher rate for the next, until a stage breaks the limits
/// (client freshness p99, backlog, ingestion refusing) or the highest rate has run; bounded by the stage count.
/// </summary>
/// <remarks>Between stages the sampled events of the stage are awaited (at most a minute), so each stage starts on a pipeline that has caught up and is judged on its own.</remarks>
public sealed class CapacitySearch(ScenarioContext context, ProcessSampler sampler, TextWriter console)
{
    // Event ids stay unique across stages: stage n numbers its requests from n × this.
    private const long NumbersPerStage = 100_000_000;

    /// <summary>Runs the stages; returns them with the knee and what ran out.</summary>
    public async Task<CapacityResult> RunAsync(CapacityLimits limits, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var stages = new List<CapacityStage>();
        var rates = Rates(options.Rate, options.RampTo ?? options.Rate * 20, options.Step ?? options.Rate).ToList();
        for (var n = 0; n < rates.Count && !cancellationToken.IsCancellationRequested; n++)
        {
            var stage = await RunStageAsync(n, rates[n], n == 0 ? options.Warmup : TimeSpan.Zero, limits, cancellationToken).ConfigureAwait(false);
            stages.Add(stage);
            console.WriteLine(stage.Held
                ? Text($"Stage {n + 1} of at most {rates.Count}: {stage.Rate:0}/s held (freshness p99 {stage.Freshness.P99:0} ms, backlog {stage.BacklogSeconds:0.0} s).")
                : Text($"Stage {n + 1}: {stage.Rate:0}/s not held: {string.Join("; ", stage.Breaches)}."));
            if (!stage.Held)
            {
                return new CapacityResult(stages, limits, Saturation.Describe(stage.Processes, Environment.ProcessorCount, stage.Machine));
            }
        }

        return new CapacityResult(stages, limits, null);
    }

    /// <summary>The rates of the stages: from the first, one step higher each, up to the highest.</summary>
    public static IEnumerable<double> Rates(double first, double highest, double step)
    {
        for (var rate = first; rate <= highest + 1e-9; rate += step)
        {
            yield return rate;
        }
    }

    private async Task<CapacityStage> RunStageAsync(int n, double rate, TimeSpan warmup, CapacityLimits limits, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var duration = options.Duration;
        var ingest = new StepRecorder("ingest");
        var requests = new IngestRequests(context, ingest);
        // The stage's rate is in events; in batches, each request carries BatchSize of them.
        var perRequest = options.CapacityInBatches ? options.BatchSize : 1;
        Func<Invocation, Task> send = options.CapacityInBatches ? requests.BatchAsync : requests.SingleAsync;
        var freshnessBefore = context.Freshness.Samples.Count;
        console.WriteLine(Text($"Stage {n + 1}: {rate:0} events/s{(perRequest > 1 ? $" ({rate / perRequest:0.##} requests/s of {perRequest})" : string.Empty)} for {duration.TotalSeconds:0} s{(warmup > TimeSpan.Zero ? $" after {warmup.TotalSeconds:0} s of warm-up" : string.Empty)}…"));

        TimeSpan from;
        var start = MeasureStart.AfterWarmup(warmup);
        await using (var progress = new LiveProgress([ingest, context.Freshness], start, console))
        {
            progress.Start();
            from = sampler.Elapsed + warmup;
            await LoadDriver.RunAsync(
                new LoadShape.Constant(rate / perRequest),
                start,
                duration,
                invocation => send(invocation with { Number = invocation.Number + (n * NumbersPerStage) }),
                requests.Overloaded,
                cancellationToken).ConfigureAwait(false);
        }

        var to = sampler.Elapsed;
        var behind = (await PipelineStatus.ReadAsync(context.Api, cancellationToken).ConfigureAwait(false))?.RecordsBehind;
        await context.Probe.DrainAsync().ConfigureAwait(false);

        var ingestStats = StepStats.From("ingest", ingest.Samples, duration);
        var freshness = StepStats.From(ScenarioContext.FreshnessStep, context.Freshness.Samples.Skip(freshnessBefore), duration);
        var backlog = behind / rate;
        return new CapacityStage(rate, ingestStats, freshness, backlog, sampler.Usage(from, to), limits.Breaches(rate, ingestStats, freshness, backlog), sampler.Machine(from, to));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
