using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Aws.Retries;
using Testbed.Infra.Definition;

namespace Testbed.Ingestion.Publishing;

/// <summary>Gathers records from concurrent requests into PutRecords calls, retries the records Kinesis refuses, and tells each caller its record's fate.</summary>
public sealed class KinesisPublisher(
    IKinesisClient kinesis,
    PipelineResources resources,
    IOptions<PublisherOptions> options,
    ILogger<KinesisPublisher> logger) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PublisherOptions _options = options.Value;
    private Task<bool>? _waiting;

    /// <summary>Queues a record and completes once Kinesis has it or it definitely failed.</summary>
    public Task<PublishResult> PublishAsync(byte[] data, string partitionKey, CancellationToken cancellationToken)
    {
        var pending = new Pending(new PutRecordsRequestEntry { Data = data, PartitionKey = partitionKey });
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromResult(new PublishResult(PublishOutcome.Unavailable, Error: "Ingestion is shutting down."));
        }

        // The caller may stop waiting; the record is still published or reported, never half-done.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(_options.MaxConcurrentCalls);
        var inFlight = new List<Task>();
        try
        {
            while (await WaitForRecordsAsync(stoppingToken).ConfigureAwait(false))
            {
                // Once gathered, a batch is sent even when ingestion is stopping: its records have left the queue, and each waits for an
                // answer. A slot frees when a call in flight ends, which every call does (its answer, a failure, or the client's timeout).
                var batch = await GatherAsync(stoppingToken).ConfigureAwait(false);
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await SendAsync(batch, CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await DrainAsync(inFlight, stoppingToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Since .NET 10 BackgroundService.StartAsync hands ExecuteAsync to the thread pool, and a stop that comes before a thread took it
        // up cancels it unrun (on 2 cores, 1,999 of 2,000 stops right after a start). The records queued meanwhile, and those queued
        // before a start or without one, would then never get an answer. After a loop that ran to its end the queue is already drained
        // and closed, and draining it again finds nothing; a loop still running (this stop's own deadline passed) is the queue's one reader.
        if (ExecuteTask is null or { IsCompleted: true })
        {
            await DrainAsync([], new CancellationToken(canceled: true)).ConfigureAwait(false);
        }
    }

    // Stopping: new records are refused, and those already queued are still published and answered, so that a graceful stop
    // leaves no request it took without an answer.
    private async Task DrainAsync(List<Task> inFlight, CancellationToken stoppingToken)
    {
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryPeek(out _))
        {
            inFlight.Add(SendAsync(await GatherAsync(stoppingToken).ConfigureAwait(false), CancellationToken.None));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    // Returns what it has when the window closes, the batch is full, or ingestion is stopping; never throws.
    private async Task<List<Pending>> GatherAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Pending>();
        var bytes = 0;
        var window = Task.Delay(_options.MaxBatchWait, CancellationToken.None);
        while (batch.Count < _options.MaxRecordsPerCall)
        {
            if (_queue.Reader.TryPeek(out var next))
            {
                var size = next.Entry.Data.Length + next.Entry.PartitionKey.Length;
                if (batch.Count > 0 && bytes + size > _options.MaxBytesPerCall)
                {
                    break;
                }

                _queue.Reader.TryRead(out _);
                batch.Add(next);
                bytes += size;
                continue;
            }

            // The window closing is how most batches end (about a hundred a second under load). Racing the wait against a
            // delay, rather than cancelling it, keeps that from throwing: a cancelled channel wait throws inside, even unobserved.
            var waiting = WaitForRecordsAsync(cancellationToken);
            if (await Task.WhenAny(waiting, window).ConfigureAwait(false) != waiting || !waiting.IsCompletedSuccessfully || !waiting.Result)
            {
                break;
            }
        }

        return batch;
    }

    /// <summary>
    /// The reader's one wait for records: a wait left pending when a batch window closed is reused by the next, as the
    /// channel's single reader may have only one.
    /// </summary>
    private Task<bool> WaitForRecordsAsync(CancellationToken stoppingToken)
    {
        if (_waiting is not { IsCompleted: false })
        {
            _waiting = _queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
        }

        return _waiting;
    }

    private async Task SendAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        var backoff = new BackoffPolicy { BaseDelay = _options.RetryBaseDelay, MaxDelay = TimeSpan.FromSeconds(1) };
        var remaining = batch;
        for (var attempt = 1; remaining.Count > 0; attempt++)
        {
            PutRecordsResponse response;
            try
            {
                response = await kinesis.PutRecordsAsync(
                    new PutRecordsRequest { StreamName = resources.Stream.Name, Records = [.. remaining.Select(p => p.Entry)] },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // Whatever went wrong, every waiting request must get an answer: none of these records is known to be stored.
                logger.LogWarning(error, "PutRecords of {Count} records failed; answering them as unavailable", remaining.Count);
                foreach (var pending in remaining)
                {
                    pending.Result.TrySetResult(new PublishResult(PublishOutcome.Unavailable, Error: $"Kinesis is unavailable: {error.Message}"));
                }

                return;
            }

            var failed = new List<Pending>();
            for (var i = 0; i < remaining.Count; i++)
            {
                var result = response.Records[i];
                if (!result.Failed)
                {
                    remaining[i].Result.TrySetResult(new PublishResult(PublishOutcome.Published, result.ShardId, result.SequenceNumber));
                }
                else if (attempt >= _options.MaxRecordAttempts)
                {
                    remaining[i].Result.TrySetResult(new PublishResult(PublishOutcome.Failed, Error: $"{result.ErrorCode}: {result.ErrorMessage}"));
                }
                else
                {
                    failed.Add(remaining[i]);
                }
            }

            if (failed.Count > 0)
            {
                logger.LogInformation("Kinesis refused {Failed} of {Count} records; retrying them (attempt {Attempt})", failed.Count, remaining.Count, attempt + 1);
                await Task.Delay(backoff.DelayBefore(attempt, Random.Shared.NextDouble()), cancellationToken).ConfigureAwait(false);
            }

            remaining = failed;
        }
    }

    private sealed record Pending(PutRecordsRequestEntry Entry)
    {
        public TaskCompletionSource<PublishResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
