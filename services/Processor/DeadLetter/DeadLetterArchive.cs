using System.Globalization;
using System.Text;
using Amazon.S3;
using Testbed.Aws.S3;
using Testbed.Infra.Definition;
using Testbed.Processor.Model;

namespace Testbed.Processor.DeadLetter;

/// <summary>
/// Records that are not events (another producer's bytes), each kept byte for byte under dead-letter/yyyy/MM/dd/HH/,
/// keyed by shard and sequence number (a redelivery overwrites itself), with shard, sequence number and reason as object
/// metadata; raw/ then holds only events and stays valid gzip NDJSON.
/// </summary>
public sealed class DeadLetterArchive(IAmazonS3 s3, PipelineResources resources)
{
    /// <summary>The key prefix of dead letters in the lake.</summary>
    public const string Prefix = "dead-letter/";

    private const int MaxReasonLength = 1024;

    /// <summary>Writes the rejected records (each with its <see cref="ReceivedRecord.Rejection"/>); returns how many.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<ReceivedRecord> rejected, CancellationToken cancellationToken)
    {
        await Task.WhenAll(rejected.Select(record => s3.PutBytesAsync(
            resources.Bucket.Name,
            KeyFor(record),
            record.Data,
            "application/octet-stream",
            cancellationToken,
            new Dictionary<string, string>
            {
                ["shard-id"] = record.ShardId,
                ["sequence-number"] = record.SequenceNumber,
                ["reason"] = Ascii(record.Rejection!),
            }))).ConfigureAwait(false);
        return rejected.Count;
    }

    /// <summary>The object key of a dead letter, partitioned by arrival hour.</summary>
    public static string KeyFor(ReceivedRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{record.ArrivedAt.UtcDateTime:yyyy/MM/dd/HH}/{record.ShardId}-{record.SequenceNumber}");

    // Object metadata travels in HTTP headers: printable ASCII only.
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxReasonLength));
        foreach (var c in text.Take(MaxReasonLength))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
