using System.IO.Compression;
using Amazon.S3.Model;
using Testbed.Aws.S3;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>The lake's raw/ objects as a test reads them: each key with its NDJSON lines.</summary>
public static class RawLake
{
    /// <summary>Every raw/ object of the stack's bucket, decompressed and split into lines.</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(PipelineStack stack)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var objects = new Dictionary<string, List<string>>();
        var listed = await stack.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = stack.Resources.Bucket.Name, Prefix = "raw/" }, cancellationToken);
        foreach (var entry in listed.S3Objects ?? [])
        {
            using var gzip = new GZipStream(new MemoryStream(await stack.S3.GetBytesAsync(stack.Resources.Bucket.Name, entry.Key, cancellationToken)), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            objects[entry.Key] = [.. (await reader.ReadToEndAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }

        return objects;
    }
}
