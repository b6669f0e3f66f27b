using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Checks;

/// <summary>Once a second while the load runs: each step's rate, errors and p99 so far in the current phase (warm-up, catch-up, then measure).</summary>
public sealed class LiveProgress(IReadOnlyList<StepRecorder> steps, MeasureStart start, TextWriter output) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Starts printing.</summary>
    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Stops printing.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        // Warm-up and measured latencies apart, as in the report: the live p99 of the measured phase leaves the warm-up out.
        var warming = steps.ToDictionary(s => s.Name, _ => new LatencyHistogram());
        var measured = steps.ToDictionary(s => s.Name, _ => new LatencyHistogram());
        var last = steps.ToDictionary(s => s.Name, s => s.Ok);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var elapsed = start.Elapsed;
            var measuring = elapsed >= start.Seconds;
            var parts = steps.Select(step =>
            {
                foreach (var sample in step.TakeRecent())
                {
                    (sample.At < 0 ? warming : measured)[step.Name].Add(sample.LatencyMs);
                }

                var ok = step.Ok;
                var perSecond = ok - last[step.Name];
                last[step.Name] = ok;
                var p99 = (measuring ? measured : warming)[step.Name].Percentile(99);
                return $"{step.Name} {perSecond,5}/s ok {ok,7:N0} err {step.Failed,4:N0} p99 {p99,7:0.0} ms";
            });
            var phase = measuring ? "measure" : elapsed < start.Warmup.TotalSeconds ? "warm-up" : "catch-up";
            await output.WriteLineAsync($"[{elapsed,4:0}s {phase}] {string.Join(" | ", parts)}").ConfigureAwait(false);
        }
    }
}
