using Amazon.S3;
using Amazon.S3.Model;

namespace Testbed.Aws.S3;

/// <summary>Object writes that behave the same on s3rver, LocalStack and AWS.</summary>
public static class S3ObjectExtensions
{
    /// <summary>Puts bytes as one object without aws-chunked framing, which s3rver would store inside the object; <paramref name="metadata"/> becomes x-amz-meta-* headers.</summary>
    public static Task<PutObjectResponse> PutBytesAsync(
        this IAmazonS3 s3,
        string bucket,
        string key,
        ReadOnlyMemory<byte> content,
        string contentType,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(content.ToArray(), writable: false),
            ContentType = contentType,
            UseChunkEncoding = false,
            AutoCloseStream = true,
        };
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Metadata.Add(name, value);
        }

        return s3.PutObjectAsync(request, cancellationToken);
    }

    /// <summary>An object's bytes.</summary>
    public static async Task<byte[]> GetBytesAsync(this IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken = default)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
