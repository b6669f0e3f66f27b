using System.Collections.Concurrent;

namespace Testbed.LoadTests.Measurement;

/// <summary>Collects the samples of one step (ingest, freshness, read, upload) from many concurrent requests, with running counters for the live progress line.</summary>
public sealed class StepRecorder(string name)
{
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly ConcurrentQueue<Sample> _recent = new();
    private long _ok;
    private long _failed;

    /// <summary>The step's name, as used in thresholds (ingest.p99).</summary>
    public string Name { get; } = name;

    /// <summary>Successful samples so far.</summary>
    public long Ok => Interlocked.Read(ref _ok);

    /// <summary>Failed samples so far.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Every sample recorded.</summary>
    public IReadOnlyCollection<Sample> Samples => _samples;

    /// <summary>Keeps a sample.</summary>
    public void Record(Sample sample)
    {
        _samples.Enqueue(sample);
        if (sample.Failure is null)
        {
            Interlocked.Increment(ref _ok);
            _recent.Enqueue(sample);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>The successful samples recorded since the last call, for the progress line.</summary>
    public List<Sample> TakeRecent()
    {
        var taken = new List<Sample>();
        while (_recent.TryDequeue(out var sample))
        {
            taken.Add(sample);
        }

        return taken;
    }
}
