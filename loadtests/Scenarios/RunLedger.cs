using System.Collections.Concurrent;

namespace Testbed.LoadTests.Scenarios;

/// <summary>What the run had accepted (202), warm-up included, for the loss check; and ids known to be stored, for reads.</summary>
public sealed class RunLedger(string eventType)
{
    private readonly ConcurrentQueue<string> _stored = new();
    private readonly ConcurrentQueue<string> _acceptedIds = new();
    private long _accepted;

    /// <summary>The type every event of this run carries (unique per run), whose aggregates count what was stored.</summary>
    public string EventType { get; } = eventType;

    /// <summary>Events the ingestion answered as accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>The ids of the accepted events that carried one (single events and batches; dataset rows have none).</summary>
    public IReadOnlyCollection<string> AcceptedIds => _acceptedIds;

    /// <summary>Counts accepted events and remembers their ids, so a loss can be traced to the events lost.</summary>
    public void Accept(int events, IEnumerable<string>? ids = null)
    {
        Interlocked.Add(ref _accepted, events);
        foreach (var id in ids ?? [])
        {
            _acceptedIds.Enqueue(id);
        }
    }

    /// <summary>Remembers an id seen through the Api (the last thousand are kept).</summary>
    public void Stored(string id)
    {
        _stored.Enqueue(id);
        while (_stored.Count > 1_000 && _stored.TryDequeue(out _))
        {
        }
    }

    /// <summary>A recently stored id, or null before any.</summary>
    public string? AnyStored() => _stored.ToArray() is { Length: > 0 } ids ? ids[Random.Shared.Next(ids.Length)] : null;
}
