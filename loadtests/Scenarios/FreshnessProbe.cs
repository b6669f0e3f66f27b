using System.Diagnostics;
using System.Net;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Scenarios;

/// <summary>Polls sampled events through the Api until they are queryable: the client-observed accept → queryable latency.</summary>
public sealed class FreshnessProbe(HttpClient api, RunLedger ledger, StepRecorder recorder)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private readonly List<Task> _probes = [];
    private readonly Lock _gate = new();

    /// <summary>How often a sampled event is read while it is not visible yet.</summary>
    public static TimeSpan Interval => PollEvery;

    /// <summary>Starts polling for an event accepted at <paramref name="acceptedTimestamp"/> (Stopwatch ticks, when the 202 arrived); <paramref name="at"/> is its request's place in the run (negative in warm-up).</summary>
    public void Track(string id, long acceptedTimestamp, double at)
    {
        var probe = Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(acceptedTimestamp) < GiveUpAfter)
            {
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

                await Task.Delay(PollEvery).ConfigureAwait(false);
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
