using Microsoft.Extensions.Options;
using Testbed.Processor.Model;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Errors;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Processor.Batches;
using Testbed.Processor.Bronze;
using Testbed.Processor.Leases;
using Testbed.Processor.Telemetry;

namespace Testbed.Processor.Consumption;

/// <summary>Reads one leased shard from its checkpoint, processes each batch, and checkpoints after it (with the raw events since the last checkpoint), until the lease is lost or the worker stops.</summary>
public sealed class ShardConsumer(
    IKinesisClient kinesis,
    LeaseTable leases,
    BatchProcessor processor,
    RawArchive archive,
    ProcessorTelemetry telemetry,
    PipelineResources resources,
    IOptions<ProcessorOptions> options,
    TimeProvider time,
    ILogger<ShardConsumer> logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // A shard is quiet after this many empty reads in a row; its stored batches are then checkpointed without waiting for the interval.
    // At a few dozen records a second, reads that find nothing alternate with reads that find one or two, and a checkpoint after each empty
    // read made a checkpoint and a lake object every two or three events. Measured on 2 cores (2026-11-29, 100 events/s, 2 runs each): 41
    // checkpoints and 41 lake objects a second, the machine 134-139 % busy; quiet after three, 11 and 10, the machine 99-113 %.
    private const int QuietAfterEmptyReads = 3;

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

        // Behind, the next read does not wait for the batch in between, and a checkpoint never does: a batch's turn is its writes. Measured
        // on 2 cores (2026-11-28): at 2,000 events/s a read of 1,000 records took 200-270 ms beside 0.9-1.1 s of writes; at 300 events/s a
        // checkpoint took 15-25 ms beside 20-30 ms of writes. A shard that receives records is checkpointed at most once per
        // CheckpointInterval (each call is load on the same DynamoDB the items go to), a quiet one at once. Batches are still stored one
        // after another, checkpointed in order.
        Task<GetRecordsResponse>? reading = null;
        var checkpoints = new Checkpoints(lease, leases, archive, time, options.Value.CheckpointInterval, token);
        var emptyReads = 0;
        var readStarted = time.GetTimestamp();
        var previousReadStarted = readStarted;
        var readBefore = false;
        try
        {
            while (!token.IsCancellationRequested && iterator is not null)
            {
                GetRecordsResponse page;
                try
                {
                    page = await (reading ?? StartRead(iterator)).ConfigureAwait(false);
                }
                catch (ExpiredIteratorException)
                {
                    reading = null;
                    if (!await Saved(checkpoints.FlushAsync(), shardId).ConfigureAwait(false))
                    {
                        return;
                    }

                    iterator = await kinesis.AfterCheckpointAsync(resources.Stream.Name, shardId, lease.Current.Checkpoint, token).ConfigureAwait(false);
                    continue;
                }

                reading = null;
                telemetry.ReportBehind(shardId, page.MillisBehindLatest ?? 0);
                iterator = page.NextShardIterator;
                if (page.Records.Count == 0)
                {
                    var quiet = ++emptyReads >= QuietAfterEmptyReads;
                    if (!await Saved(quiet ? checkpoints.SaveAsync() : checkpoints.SaveIfDueAsync(), shardId).ConfigureAwait(false))
                    {
                        return;
                    }

                    // A quiet shard is read less and less often (the idle stack's polling cost 17 % of a core per processor at a read
                    // every 10 ms); the first read that finds records brings the pause back to the poll interval.
                    await Task.Delay(options.Value.PauseAfter(emptyReads), time, token).ConfigureAwait(false);
                    continue;
                }

                emptyReads = 0;

                // Only a full page says more is waiting: a shard that is behind is read ahead, a shard that has caught up is read after the
                // batch is stored, so its next page holds what arrived meanwhile (read ahead, it would hold only what came before).
                var full = page.Records.Count >= options.Value.MaxRecordsPerRead;
                if (iterator is not null && full)
                {
                    reading = StartRead(iterator);
                }

                var batch = page.Records.Select(r => RecordReader.Read(shardId, r, time.GetUtcNow())).ToList();
                var samples = await processor.ProcessAsync(shardId, batch, token).ConfigureAwait(false);
                var now = time.GetUtcNow();
                checkpoints.Stored(batch, new ShardProgress(now, freshness.Add(samples, now), batch.Count(r => r.Rejection is not null)));
                if (!await Saved(checkpoints.SaveIfDueAsync(), shardId).ConfigureAwait(false))
                {
                    return;
                }

                // Caught up, the shard waits in proportion to its rate before the next read, so that its batches grow with the load.
                if (!full)
                {
                    var wait = options.Value.WaitBetweenReads(page.Records.Count, time.GetElapsedTime(previousReadStarted, readStarted)) - time.GetElapsedTime(readStarted);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, token).ConfigureAwait(false);
                    }
                }
            }

            await Saved(checkpoints.FlushAsync(), shardId).ConfigureAwait(false);
        }
        finally
        {
            // Leaving early (stopped, lost, failed): a read begun for a batch that will not be stored here no longer matters, and a checkpoint
            // still under way either lands or leaves its batches to be redone from the checkpoint before it.
            await Observed(reading).ConfigureAwait(false);
            await Observed(checkpoints.Pending).ConfigureAwait(false);
        }

        // Each read notes when it began: a caught-up shard's rate is its batch over the time between the starts of two reads. A read due
        // sooner than MinReadInterval after the last one began waits for the rest (AWS takes 5 reads of a shard a second; a trickling
        // shard, caught up after every batch, would otherwise be read after every few records).
        Task<GetRecordsResponse> StartRead(string from)
        {
            var early = readBefore ? options.Value.MinReadInterval - time.GetElapsedTime(readStarted) : TimeSpan.Zero;
            readBefore = true;
            previousReadStarted = readStarted;
            if (early <= TimeSpan.Zero)
            {
                readStarted = time.GetTimestamp();
                return ReadAsync(from, token);
            }

            return ReadLaterAsync(from, early);
        }

        // The next read is paced from when this one really began: a timer that fires late must not let the next read come sooner.
        async Task<GetRecordsResponse> ReadLaterAsync(string from, TimeSpan delay)
        {
            await Task.Delay(delay, time, token).ConfigureAwait(false);
            readStarted = time.GetTimestamp();
            return await ReadAsync(from, token).ConfigureAwait(false);
        }
    }

    // False when the lease was lost before the checkpoint was written.
    private async Task<bool> Saved(Task<bool> saving, string shardId)
    {
        if (await saving.ConfigureAwait(false))
        {
            return true;
        }

        logger.LogInformation("Lost the lease of {Shard} before checkpointing; its new owner redoes the batches since its checkpoint", shardId);
        return false;
    }

    private static Task Observed(Task? task) => task?.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default) ?? Task.CompletedTask;

    private Task<GetRecordsResponse> ReadAsync(string iterator, CancellationToken token) =>
        kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = options.Value.MaxRecordsPerRead }, token);
}
