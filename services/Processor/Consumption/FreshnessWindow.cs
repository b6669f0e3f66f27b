using Testbed.Processor.Model;

namespace Testbed.Processor.Consumption;

/// <summary>A shard's freshness samples of the last minute, at most a bounded number (the newest kept).</summary>
public sealed class FreshnessWindow(TimeSpan span, int capacity = 1000)
{
    private readonly Queue<FreshnessSample> _samples = new();

    /// <summary>Adds samples and drops those older than the window or beyond the capacity.</summary>
    public IReadOnlyList<FreshnessSample> Add(IEnumerable<FreshnessSample> samples, DateTimeOffset now)
    {
        foreach (var sample in samples)
        {
            _samples.Enqueue(sample);
        }

        while (_samples.Count > 0 && (_samples.Count > capacity || now - _samples.Peek().StoredAt > span))
        {
            _samples.Dequeue();
        }

        return [.. _samples];
    }
}
