using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Scenarios;

/// <summary>Polls sampled events through the Api until they are queryable: the client-observed accept → queryable latency.</summary>
/// <remarks>
/// The first read waits for <see cref="FirstRead.After"/>, then reads follow every 10 ms for the first 100 ms, then every tenth of the time
/// waited so far (at most 1 s, so a reading seconds behind is within 1 s), with at most 16 reads in flight: a lagging pipeline must not be
/// buried under the probe's own reads. Measured at 2,000 events/s on 2 cores (2026-11-28), reading from the start cost the Api and DynamoDB
/// a fifth of a core when the pipeline was 1.5 s behind (37 reads per sampled event).
/// </remarks>
public sealed class FreshnessProbe(HttpClient api, RunLedger ledger, StepRecorder recorder)
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _reads = new(16);
    private readonly Lock _gate = new();
    private readonly Queue<double> _recent = new();
    private long _events;
    private long _readsSent;

    // Each sampled event still polled for: when it was accepted (for the backlog) and its polling (for the drain).
    private readonly ConcurrentDictionary<string, (long Accepted, Task? Poll)> _pending = new(StringComparer.Ordinal);

    /// <summary>How long ago the oldest sampled event not yet queryable was accepted; zero when every one tracked was found.</summary>
    public TimeSpan OldestPending => _pending.Values.Select(p => Stopwatch.GetElapsedTime(p.Accepted)).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>The events polled for so far and the reads sent for them: the probe's own weight on the Api and the table.</summary>
    public ProbeReads Reads => new(Interlocked.Read(ref _events), Interlocked.Read(ref _readsSent));

    /// <summary>Starts polling for an event accepted at <paramref name="acceptedTimestamp"/> (Stopwatch ticks, when the 202 arrived); <paramref name="at"/> is its request's place in the run (negative in warm-up).</summary>
    public void Track(string id, long acceptedTimestamp, double at)
    {
        Interlocked.Increment(ref _events);
        _pending[id] = (acceptedTimestamp, null);
        var poll = Task.Run(async () =>
        {
            try
            {
                await PollAsync(id, acceptedTimestamp, at).ConfigureAwait(false);
            }
            finally
            {
                _pending.TryRemove(id, out _);
            }
        });

        // Unless the polling has already ended and removed its entry.
        _pending.TryUpdate(id, (acceptedTimestamp, poll), (acceptedTimestamp, null));
    }

    private async Task PollAsync(string id, long acceptedTimestamp, double at)
    {
        var head = FirstReadAfter() - Stopwatch.GetElapsedTime(acceptedTimestamp);
        if (head > TimeSpan.Zero)
        {
            await Task.Delay(head).ConfigureAwait(false);
        }

        for (var first = true; Stopwatch.GetElapsedTime(acceptedTimestamp) < GiveUpAfter; first = false)
        {
            await _reads.WaitAsync().ConfigureAwait(false);
            try
            {
                Interlocked.Increment(ref _readsSent);
                using var response = await api.GetAsync($"events/{Uri.EscapeDataString(id)}", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var milliseconds = Stopwatch.GetElapsedTime(acceptedTimestamp).TotalMilliseconds;
                    recorder.Record(new Sample(at, milliseconds, null, 1));
                    Found(FirstRead.Remembered(milliseconds, first));

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
    }

    private TimeSpan FirstReadAfter()
    {
        lock (_gate)
        {
            return FirstRead.After(_recent);
        }
    }

    private void Found(double milliseconds)
    {
        lock (_gate)
        {
            _recent.Enqueue(milliseconds);
            if (_recent.Count > FirstRead.Recent)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>Waits for the events still polled for (once no more are tracked).</summary>
    public Task DrainAsync() => Task.WhenAll(_pending.Values.Select(p => p.Poll).OfType<Task>());
}
