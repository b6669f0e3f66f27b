using Microsoft.Extensions.Options;
using Testbed.Processor.Model;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Errors;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Processor.Batches;
using Testbed.Processor.Leases;
using Testbed.Processor.Telemetry;

namespace Testbed.Processor.Consumption;

/// <summary>Reads one leased shard from its checkpoint, processes each batch, and checkpoints after it, until the lease is lost or the worker stops.</summary>
public sealed class ShardConsumer(
    IKinesisClient kinesis,
    LeaseTable leases,
    BatchProcessor processor,
    ProcessorTelemetry telemetry,
    PipelineResources resources,
    IOptions<ProcessorOptions> options,
    TimeProvider time,
    ILogger<ShardConsumer> logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Consumes the shard; returns when the lease is lost, the shard ends, or <paramref name="stopping"/> fires; AWS failures are retried from the checkpoint.</summary>
    public async Task RunAsync(HeldLease lease, CancellationToken stopping)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
        var token = both.Token;
        var shardId = lease.Current.ShardId;
        var freshness = new FreshnessWindow(TimeSpan.FromMinutes(1));
        try
        {
            await ConsumeWithRetriesAsync(lease, shardId, freshness, token).ConfigureAwait(false);
        }
        finally
        {
            telemetry.Forget(shardId);
        }
    }

    private async Task ConsumeWithRetriesAsync(HeldLease lease, string shardId, FreshnessWindow freshness, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                await ConsumeAsync(lease, shardId, freshness, token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is HttpRequestException or KinesisException or Amazon.Runtime.AmazonServiceException or IOException)
            {
                // AWS (or an emulator) is unreachable or failing: nothing was checkpointed, so try again from the checkpoint.
                logger.LogWarning("Reading {Shard} failed ({Error}); retrying from checkpoint {Checkpoint}", shardId, error.Message, lease.Current.Checkpoint);
                try
                {
                    await Task.Delay(RetryDelay, time, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ConsumeAsync(HeldLease lease, string shardId, FreshnessWindow freshness, CancellationToken token)
    {
        var iterator = await kinesis.AfterCheckpointAsync(resources.Stream.Name, shardId, lease.Current.Checkpoint, token).ConfigureAwait(false);
        while (!token.IsCancellationRequested && iterator is not null)
        {
            GetRecordsResponse page;
            try
            {
                page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = options.Value.MaxRecordsPerRead }, token).ConfigureAwait(false);
            }
            catch (ExpiredIteratorException)
            {
                iterator = await kinesis.AfterCheckpointAsync(resources.Stream.Name, shardId, lease.Current.Checkpoint, token).ConfigureAwait(false);
                continue;
            }

            telemetry.ReportBehind(shardId, page.MillisBehindLatest ?? 0);
            if (page.Records.Count > 0)
            {
                var batch = page.Records.Select(r => RecordReader.Read(shardId, r, time.GetUtcNow())).ToList();
                var samples = await processor.ProcessAsync(shardId, batch, token).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var progress = new ShardProgress(now, freshness.Add(samples, now), batch.Count(r => r.Rejection is not null));
                if (!await lease.CheckpointAsync(leases, batch[^1].SequenceNumber, progress, token).ConfigureAwait(false))
                {
                    logger.LogInformation("Lost the lease of {Shard} before checkpointing; its new owner redoes the batch", shardId);
                    return;
                }
            }
            else
            {
                await Task.Delay(options.Value.PollInterval, time, token).ConfigureAwait(false);
            }

            iterator = page.NextShardIterator;
        }
    }
}
