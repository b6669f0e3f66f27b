using System.Diagnostics;
using System.Net;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Scenarios;

/// <summary>Polls sampled events through the Api until they are queryable: the client-observed accept → queryable latency.</summary>
/// <remarks>Reads every 10 ms for the first 100 ms, then every tenth of the time waited so far (at most 1 s, so a reading seconds behind is within 1 s), with at most 16 reads in flight: a lagging pipeline must not be buried under the probe's own reads.</remarks>
public sealed class FreshnessProbe(HttpClient api, RunLedger ledger, StepRecorder recorder)
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _reads = new(16);
    private readonly List<Task> _probes = [];
    private readonly Lock _gate = new();

    /// <summary>Starts polling for an event accepted at <paramref name="acceptedTimestamp"/> (Stopwatch ticks, when the 202 arrived); <paramref name="at"/> is its request's place in the run (negative in warm-up).</summary>
    public void Track(string id, long acceptedTimestamp, double at)
    {
        var probe = Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(acceptedTimestamp) < GiveUpAfter)
            {
                await _reads.WaitAsync().ConfigureAwait(false);
                try
                {
                    using var response = await api.GetAsync($"events/{Uri.EscapeDataString(id)}", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        recorder.Record(new Sample(at, Stopwatch.GetElapsedTime(acceptedTimestamp).TotalMilliseconds, null, 1));

                        ledger.Stored(id);
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // The Api is restarting or overloaded: keep polling until the deadline.
                }
                finally
                {
                    _reads.Release();
                }

                var waited = Stopwatch.GetElapsedTime(acceptedTimestamp);
                await Task.Delay(waited < TimeSpan.FromMilliseconds(100) ? FirstInterval : TimeSpan.FromTicks(Math.Min(MaxInterval.Ticks, waited.Ticks / 10))).ConfigureAwait(false);
            }

            recorder.Record(new Sample(at, GiveUpAfter.TotalMilliseconds, $"not queryable within {GiveUpAfter.TotalSeconds:0} s", 1));
        });
        lock (_gate)
        {
            _probes.RemoveAll(p => p.IsCompleted);
            _probes.Add(probe);
        }
    }

    /// <summary>Waits for the probes still polling.</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_probes);
        }
    }
}
