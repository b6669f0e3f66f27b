using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Testbed.Ingestion.Publishing;
using Testbed.Ingestion.Telemetry;
using Testbed.Records.Events;

namespace Testbed.Ingestion.Accepting;

/// <summary>
/// The one accept path of POST /events, /events/batch and /datasets: each record gets its publish span (whose traceparent
/// it carries), all are checked against Kinesis's record limit before anything is written, then each is published and its
/// span ends with the outcome.
/// </summary>
public sealed class PendingRecords : IDisposable
{
    private readonly IReadOnlyList<Activity?> _spans;

    private PendingRecords(IReadOnlyList<Activity?> spans, IReadOnlyList<(EventRecord Record, byte[] Bytes)> records)
    {
        _spans = spans;
        Records = records;
    }

    /// <summary>The records with their serialised bytes, in request order.</summary>
    public IReadOnlyList<(EventRecord Record, byte[] Bytes)> Records { get; }

    /// <summary>The index of the first record over Kinesis's 1 MiB limit for data plus partition key, or -1 when all fit.</summary>
    public int FirstOversized
    {
        get
        {
            for (var i = 0; i < Records.Count; i++)
            {
                if (Records[i].Bytes.Length + Encoding.UTF8.GetByteCount(Records[i].Record.Id) > EventRules.MaxRecordBytes)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Builds <paramref name="count"/> records, each from its index and the traceparent of its own publish span.</summary>
    public static PendingRecords Stamp(int count, string stream, Func<int, string?, EventRecord> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var spans = Enumerable.Range(0, count).Select(_ => IngestionTelemetry.StartPublish(stream)).ToList();
        var records = spans
            .Select((span, index) =>
            {
                var record = build(index, IngestionTelemetry.TraceParentOf(span));
                return (record, JsonSerializer.SerializeToUtf8Bytes(record, EventJsonContext.Default.EventRecord));
            })
            .ToList();
        return new PendingRecords(spans, records);
    }

    /// <summary>Publishes every record side by side (the publisher gathers them into PutRecords calls) and ends each span with its outcome.</summary>
    public Task<PublishResult[]> PublishAsync(KinesisPublisher publisher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        return Task.WhenAll(Records.Select((record, index) => PublishOneAsync(publisher, index, cancellationToken)));
    }

    /// <summary>Ends the spans of records that were never published (a rejected request or a failed upload).</summary>
    public void Dispose()
    {
        foreach (var span in _spans)
        {
            span?.Dispose();
        }
    }

    private async Task<PublishResult> PublishOneAsync(KinesisPublisher publisher, int index, CancellationToken cancellationToken)
    {
        var (record, bytes) = Records[index];
        var result = await publisher.PublishAsync(bytes, record.Id, cancellationToken).ConfigureAwait(false);
        IngestionTelemetry.Complete(_spans[index], record.Id, result);
        return result;
    }
}
