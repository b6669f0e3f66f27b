using System.Globalization;
using System.IO.Compression;
using Amazon.S3;
using Testbed.Processor.Model;
using Testbed.Aws.S3;
using Testbed.Infra.Definition;

namespace Testbed.Processor.Bronze;

/// <summary>Bronze: the batch's events as one gzip NDJSON object under raw/yyyy/MM/dd/HH/, keyed by shard and first sequence number so a redelivered batch overwrites itself; records that are not events go to the dead letters instead.</summary>
public sealed class RawArchive(IAmazonS3 s3, PipelineResources resources)
{
    /// <summary>Writes the batch's events as they came; returns the object key, or null when the batch holds no event.</summary>
    public async Task<string?> WriteAsync(IReadOnlyList<ReceivedRecord> batch, CancellationToken cancellationToken)
    {
        var events = batch.Where(r => r.Event is not null).ToList();
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

        await s3.PutBytesAsync(resources.Bucket.Name, key, buffer.ToArray(), "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The object key of a batch that starts with the record, partitioned by arrival hour as Firehose does.</summary>
    public static string KeyFor(ReceivedRecord first) =>
        string.Create(CultureInfo.InvariantCulture, $"raw/{first.ArrivedAt.UtcDateTime:yyyy/MM/dd/HH}/{first.ShardId}-{first.SequenceNumber}.ndjson.gz");
}
