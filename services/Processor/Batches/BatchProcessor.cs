using System.Diagnostics;
using Testbed.Processor.Model;
using Testbed.Processor.Aggregates;
using Testbed.Processor.DeadLetter;
using Testbed.Processor.Silver;
using Testbed.Processor.Telemetry;

namespace Testbed.Processor.Batches;

/// <summary>Processes one batch of a shard: items to DynamoDB, window aggregates, and dead letters to S3, side by side; the caller checkpoints after, with the raw events. Each step is safe to repeat.</summary>
public sealed class BatchProcessor(
    DeadLetterArchive deadLetters,
    ItemWriter silver,
    AggregateStore gold,
    ProcessorTelemetry telemetry,
    TimeProvider time,
    ILogger<BatchProcessor> logger)
{
    /// <summary>Runs the steps for the batch; returns each event's freshness (acceptance to queryable: its item and aggregates are written).</summary>
    public async Task<IReadOnlyList<FreshnessSample>> ProcessAsync(string shardId, IReadOnlyList<ReceivedRecord> batch, CancellationToken cancellationToken)
    {
        var steps = new List<(string Name, DateTimeOffset Start, DateTimeOffset End, string? Detail)>();
        var started = time.GetUtcNow();
        string? error = null;
        try
        {
            // The writes are independent and each safe to repeat; side by side, a batch waits for the slowest, not for their sum.
            var rejected = batch.Where(r => r.Rejection is not null).ToList();
            var writes = new List<Task<(string Name, DateTimeOffset Start, DateTimeOffset End, string? Detail)>>
            {
                TimedAsync("DynamoDB BatchWriteItem (items)", async () =>
                {
                    await silver.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    return (string?)null;
                }),
                TimedAsync("DynamoDB UpdateAggregates (windows)", async () =>
                {
                    await gold.ApplyAsync(shardId, batch, cancellationToken).ConfigureAwait(false);
                    return (string?)null;
                }),
            };
            if (rejected.Count > 0)
            {
                writes.Add(TimedAsync("S3 PutObject (dead letters)", async () =>
                    $"{await deadLetters.WriteAsync(rejected, cancellationToken).ConfigureAwait(false)} records under {DeadLetterArchive.Prefix}"));
            }

            steps.AddRange(await Task.WhenAll(writes).ConfigureAwait(false));

            var now = time.GetUtcNow();
            var freshness = new List<FreshnessSample>(batch.Count);
            foreach (var record in batch)
            {
                if (record.Event is { } e)
                {
                    var milliseconds = (now - e.AcceptedAt).TotalMilliseconds;
                    telemetry.Freshness.Record(milliseconds);
                    freshness.Add(new FreshnessSample(now, milliseconds));
                }
            }

            telemetry.Processed.Add(batch.Count);
            if (rejected.Count > 0)
            {
                // One line per batch, not a stack trace per record: the reasons are on the dead letters themselves.
                telemetry.DeadLetters.Add(rejected.Count);
                logger.LogWarning(
                    "{Count} records of {Shard} are not events (first: {Reason}); kept under {Prefix}",
                    rejected.Count,
                    shardId,
                    rejected[0].Rejection,
                    DeadLetterArchive.Prefix);
            }

            return freshness;
        }
        catch (Exception e)
        {
            error = e.Message;
            throw;
        }
        finally
        {
            RecordEventSpans(batch, started, time.GetUtcNow(), steps, error);
        }
    }

    // Runs a step and notes when it ran; its result becomes the step's detail.
    private async Task<(string Name, DateTimeOffset Start, DateTimeOffset End, string? Detail)> TimedAsync(string name, Func<Task<string?>> step)
    {
        var start = time.GetUtcNow();
        var detail = await step().ConfigureAwait(false);
        return (name, start, time.GetUtcNow(), detail);
    }

    // One "process" span per event, child of the span that ingested it, with the batch's steps under it:
    // one trace then shows the event from POST to DynamoDB (the raw archive adds its S3 write with the checkpoint).
    private static void RecordEventSpans(
        IReadOnlyList<ReceivedRecord> batch,
        DateTimeOffset start,
        DateTimeOffset end,
        List<(string Name, DateTimeOffset Start, DateTimeOffset End, string? Detail)> steps,
        string? error) =>
        ProcessorTelemetry.ContinueTraces(batch, (record, parent) =>
        {
            using var span = ProcessorTelemetry.Source.StartActivity($"process {record.Event!.Type}", ActivityKind.Consumer, parent, startTime: start);
            if (span is null)
            {
                return;
            }

            span.SetTag("messaging.system", "aws_kinesis");
            span.SetTag("messaging.message.id", record.Event.Id);
            span.SetTag("aws.kinesis.shard_id", record.ShardId);
            span.SetTag("aws.kinesis.sequence_number", record.SequenceNumber);
            span.SetTag("testbed.batch.size", batch.Count);
            foreach (var step in steps)
            {
                using var child = ProcessorTelemetry.Source.StartActivity(step.Name, ActivityKind.Client, span.Context, startTime: step.Start);
                if (step.Detail is not null)
                {
                    child?.SetTag("testbed.step.detail", step.Detail);
                }

                child?.SetEndTime(step.End.UtcDateTime);
            }

            if (error is not null)
            {
                span.SetStatus(ActivityStatusCode.Error, error);
            }

            span.SetEndTime(end.UtcDateTime);
        });
}
