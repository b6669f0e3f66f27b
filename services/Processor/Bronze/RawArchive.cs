using System.Globalization;
using System.IO.Compression;
using Amazon.S3;
using Testbed.Processor.Model;
using Testbed.Aws.S3;
using Testbed.Infra.Definition;

namespace Testbed.Processor.Bronze;

/// <summary>Bronze: one gzip NDJSON object per batch under raw/yyyy/MM/dd/HH/, keyed by shard and first sequence number so a redelivered batch overwrites itself.</summary>
public sealed class RawArchive(IAmazonS3 s3, PipelineResources resources)
{
    /// <summary>Writes the batch's raw records; returns the object key.</summary>
    public async Task<string> WriteAsync(IReadOnlyList<ReceivedRecord> batch, CancellationToken cancellationToken)
    {
        var first = batch[0];
        var key = KeyFor(first);
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var record in batch)
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
