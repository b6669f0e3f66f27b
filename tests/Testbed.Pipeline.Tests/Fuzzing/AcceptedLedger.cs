using System.Collections.Concurrent;
using System.Text.Json;
using Testbed.Records.Events;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Everything the services said they accepted, from their 2xx answers: what the stores must hold, and nothing more.</summary>
public sealed class AcceptedLedger
{
    private readonly ConcurrentQueue<string> _records = new();
    private readonly ConcurrentQueue<string> _objects = new();
    private readonly ConcurrentDictionary<string, byte> _edited = new();
    private readonly ConcurrentDictionary<string, byte> _deleted = new();

    /// <summary>The id of every record accepted onto the stream, once per acceptance.</summary>
    public IReadOnlyList<string> Records => [.. _records];

    /// <summary>The key of every raw dataset file accepted into S3.</summary>
    public IReadOnlyList<string> Objects => [.. _objects];

    /// <summary>Items a PUT or DELETE changed.</summary>
    public IReadOnlyCollection<string> Edited => [.. _edited.Keys];

    /// <summary>Items a DELETE removed.</summary>
    public IReadOnlyCollection<string> Deleted => [.. _deleted.Keys];

    /// <summary>Notes what a 2xx answer to a probe says was written.</summary>
    public void Record(Probe probe, JsonElement answer)
    {
        switch (probe.Kind)
        {
            case ProbeKind.Event:
                _records.Enqueue(answer.GetProperty("id").GetString()!);
                break;
            case ProbeKind.Batch:
                foreach (var item in answer.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("status").GetString() == "accepted"))
                {
                    _records.Enqueue(item.GetProperty("id").GetString()!);
                }

                break;
            case ProbeKind.Dataset:
                var name = answer.GetProperty("dataset").GetString()!;
                _objects.Enqueue(answer.GetProperty("objectKey").GetString()!);
                for (var row = 0; row < answer.GetProperty("rows").GetInt32(); row++)
                {
                    _records.Enqueue(DatasetNames.RowId(name, row));
                }

                break;
            case ProbeKind.Edit:
                _edited[probe.Target!] = 0;
                if (probe.Method == HttpMethod.Delete)
                {
                    _deleted[probe.Target!] = 0;
                }

                break;
        }
    }
}
