using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Testbed.Aws.S3;
using Testbed.Testing;

namespace Testbed.Aws.Tests.S3;

/// <summary>The configured S3 client against s3rver: objects come back byte for byte.</summary>
public sealed class S3RoundTripTests(AwsEnvironmentFixture emulators)
{
    private readonly IAmazonS3 _s3 = emulators.S3;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData(3 * 1024 * 1024 + 17)]
    public async Task An_object_put_is_read_back_byte_for_byte(int size)
    {
        var bucket = UniqueName.For("bucket");
        await _s3.PutBucketAsync(bucket, Ct);
        var content = RandomNumberGenerator.GetBytes(size);
        const string key = "raw/2026/11/22/10/shardId-000000000000-49590338271490256608559692538361571095921575989136588898.ndjson.gz";

        await _s3.PutBytesAsync(bucket, key, content, "application/x-ndjson", Ct);

        Assert.Equal(content, await _s3.GetBytesAsync(bucket, key, Ct));
        var listed = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "raw/2026/11/22/" }, Ct);
        var entry = Assert.Single(listed.S3Objects);
        Assert.Equal(size, entry.Size);
    }

    [Fact]
    public async Task Putting_the_same_key_again_replaces_the_object()
    {
        var bucket = UniqueName.For("bucket");
        await _s3.PutBucketAsync(bucket, Ct);

        await _s3.PutBytesAsync(bucket, "k", "first"u8.ToArray(), "text/plain", Ct);
        await _s3.PutBytesAsync(bucket, "k", "second"u8.ToArray(), "text/plain", Ct);

        Assert.Equal("second"u8.ToArray(), await _s3.GetBytesAsync(bucket, "k", Ct));
    }

    [Fact]
    public async Task A_missing_object_is_reported_as_NoSuchKey()
    {
        var bucket = UniqueName.For("bucket");
        await _s3.PutBucketAsync(bucket, Ct);

        var error = await Assert.ThrowsAsync<NoSuchKeyException>(() => _s3.GetBytesAsync(bucket, "absent", Ct));

        Assert.Equal("NoSuchKey", error.ErrorCode);
    }
}
