using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using KinesisResourceInUse = Testbed.Aws.Kinesis.Errors.ResourceInUseException;
using KinesisResourceNotFound = Testbed.Aws.Kinesis.Errors.ResourceNotFoundException;

namespace Testbed.Infra.Provisioning;

/// <summary>Creates what is missing of the pipeline's resources in a local AWS (emulators or LocalStack), waits until active, leaves what exists.</summary>
public sealed class PipelineProvisioner(IKinesisClient kinesis, IAmazonDynamoDB dynamo, IAmazonS3 s3, IProgress<string>? progress = null)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stream or table may take to become active.</summary>
    public TimeSpan ActiveTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Provisions every resource of the definition; safe to run again and from several processes at once.</summary>
    public async Task<ProvisioningReport> ProvisionAsync(PipelineResources resources, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(
            new[] { EnsureStreamAsync(resources.Stream, cancellationToken), EnsureBucketAsync(resources.Bucket, cancellationToken) }
                .Concat(resources.Tables.Select(t => EnsureTableAsync(t, cancellationToken)))).ConfigureAwait(false);
        foreach (var result in results)
        {
            progress?.Report(result.ToString());
        }

        return new ProvisioningReport(results, watch.Elapsed);
    }

    private async Task<ProvisionedResource> EnsureStreamAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        var outcome = ProvisioningOutcome.Existed;
        try
        {
            await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream.Name, ShardCount = stream.ShardCount }, cancellationToken).ConfigureAwait(false);
            outcome = ProvisioningOutcome.Created;
        }
        catch (KinesisResourceInUse)
        {
            // It exists already (or another provisioner is creating it).
        }

        var summary = await WaitUntilAsync(
            $"stream {stream.Name}",
            async ct =>
            {
                try
                {
                    var s = (await kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = stream.Name }, ct).ConfigureAwait(false)).StreamDescriptionSummary;
                    return s.StreamStatus is StreamStatus.Active or StreamStatus.Updating ? s : null;
                }
                catch (KinesisResourceNotFound)
                {
                    return null;
                }
            },
            cancellationToken).ConfigureAwait(false);

        return outcome == ProvisioningOutcome.Existed && summary.OpenShardCount != stream.ShardCount
            ? new ProvisionedResource("Stream", stream.Name, ProvisioningOutcome.Differs, $"{summary.OpenShardCount} open shards, the definition has {stream.ShardCount}")
            : new ProvisionedResource("Stream", stream.Name, outcome);
    }

    private async Task<ProvisionedResource> EnsureBucketAsync(BucketDefinition bucket, CancellationToken cancellationToken)
    {
        var existing = await s3.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        if (existing.Buckets?.Any(b => b.BucketName == bucket.Name) == true)
        {
            return new ProvisionedResource("Bucket", bucket.Name, ProvisioningOutcome.Existed);
        }

        try
        {
            await s3.PutBucketAsync(bucket.Name, cancellationToken).ConfigureAwait(false);
            return new ProvisionedResource("Bucket", bucket.Name, ProvisioningOutcome.Created);
        }
        catch (AmazonS3Exception error) when (error.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            return new ProvisionedResource("Bucket", bucket.Name, ProvisioningOutcome.Existed);
        }
    }

    private async Task<ProvisionedResource> EnsureTableAsync(TableDefinition table, CancellationToken cancellationToken)
    {
        var outcome = ProvisioningOutcome.Existed;
        try
        {
            await dynamo.CreateTableAsync(TableRequests.Create(table), cancellationToken).ConfigureAwait(false);
            outcome = ProvisioningOutcome.Created;
        }
        catch (Amazon.DynamoDBv2.Model.ResourceInUseException)
        {
            // It exists already (or another provisioner is creating it).
        }

        var description = await WaitUntilAsync(
            $"table {table.Name}",
            async ct =>
            {
                var t = (await dynamo.DescribeTableAsync(table.Name, ct).ConfigureAwait(false)).Table;
                var indexesActive = t.GlobalSecondaryIndexes?.All(i => i.IndexStatus == IndexStatus.ACTIVE) ?? true;
                return t.TableStatus == TableStatus.ACTIVE && indexesActive ? t : null;
            },
            cancellationToken).ConfigureAwait(false);

        var difference = outcome == ProvisioningOutcome.Existed ? TableRequests.Difference(table, description) : null;
        return difference is null
            ? new ProvisionedResource("Table", table.Name, outcome)
            : new ProvisionedResource("Table", table.Name, ProvisioningOutcome.Differs, difference);
    }

    private async Task<T> WaitUntilAsync<T>(string what, Func<CancellationToken, Task<T?>> poll, CancellationToken cancellationToken)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await poll(cancellationToken).ConfigureAwait(false) is { } ready)
            {
                return ready;
            }

            if (watch.Elapsed > ActiveTimeout)
            {
                throw new TimeoutException($"The {what} did not become active within {ActiveTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
