using System.Diagnostics;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Checks;

/// <summary>Once a second while the load runs: each step's rate, errors and p99 so far.</summary>
public sealed class LiveProgress(IReadOnlyList<StepRecorder> steps, TimeSpan warmup, TextWriter output) : IAsyncDisposable
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
        var watch = Stopwatch.StartNew();
        var all = steps.ToDictionary(s => s.Name, _ => new List<double>());
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

            var phase = watch.Elapsed < warmup ? "warm-up" : "measure";
            var parts = steps.Select(step =>
            {
                var recent = step.TakeRecent();
                all[step.Name].AddRange(recent);
                var ok = step.Ok;
                var perSecond = ok - last[step.Name];
                last[step.Name] = ok;
                var sorted = all[step.Name].Order().ToList();
                return $"{step.Name} {perSecond,5}/s ok {ok,7:N0} err {step.Failed,4:N0} p99 {Percentiles.Of(sorted, 99),7:0.0} ms";
            });
            await output.WriteLineAsync($"[{watch.Elapsed.TotalSeconds,4:0}s {phase}] {string.Join(" | ", parts)}").ConfigureAwait(false);
        }
    }
}
