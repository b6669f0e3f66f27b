using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Amazon.S3;
using Testbed.Aws.S3;
using Testbed.Infra.Definition;
using Testbed.Processor.Model;
using Testbed.Processor.Telemetry;

namespace Testbed.Processor.Bronze;

/// <summary>
/// Bronze: a run of a shard's events, as they came, as one gzip NDJSON object under raw/yyyy/MM/dd/HH/, keyed by shard and first sequence
/// number. The run is what a checkpoint covers, so a run delivered again after a crash starts at the same record and overwrites its object.
/// </summary>
public sealed class RawArchive(IAmazonS3 s3, PipelineResources resources, TimeProvider time)
{
    /// <summary>The name of the span each traced event gets for the write.</summary>
    public const string SpanName = "S3 PutObject (raw archive)";

    /// <summary>Writes the events of <paramref name="records"/> (in order) and notes the write in each traced event's trace; returns the object key, or null when none is an event.</summary>
    public async Task<string?> WriteAsync(IReadOnlyList<ReceivedRecord> records, CancellationToken cancellationToken)
    {
        var events = records.Where(r => r.Event is not null).ToList();
        if (events.Count == 0)
        {
            return null;
        }

        var key = KeyFor(events[0]);
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var record in events)
            {
                await gzip.WriteAsync(record.Data, cancellationToken).ConfigureAwait(false);
                gzip.WriteByte((byte)'\n');
            }
        }

        var start = time.GetUtcNow();
        await s3.PutBytesAsync(resources.Bucket.Name, key, buffer.ToArray(), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        RecordSpans(events, key, start, time.GetUtcNow());
        return key;
    }

    /// <summary>The object key of a run that starts with the record, partitioned by arrival hour as Firehose does.</summary>
    public static string KeyFor(ReceivedRecord first) =>
        string.Create(CultureInfo.InvariantCulture, $"raw/{first.ArrivedAt.UtcDateTime:yyyy/MM/dd/HH}/{first.ShardId}-{first.SequenceNumber}.ndjson.gz");

    // The write comes after the event was processed (with the checkpoint), so its span is the event's own, under the span that ingested it.
    private static void RecordSpans(List<ReceivedRecord> events, string key, DateTimeOffset start, DateTimeOffset end) =>
        ProcessorTelemetry.ContinueTraces(events, (record, parent) =>
        {
            using var span = ProcessorTelemetry.Source.StartActivity(SpanName, ActivityKind.Client, parent, startTime: start);
            span?.SetTag("aws.s3.key", key);
            span?.SetTag("aws.kinesis.shard_id", record.ShardId);
            span?.SetTag("testbed.archive.events", events.Count);
            span?.SetEndTime(end.UtcDateTime);
        });
}
