using System.Diagnostics;
using System.Diagnostics.Metrics;
using Testbed.Ingestion.Publishing;

namespace Testbed.Ingestion.Telemetry;

/// <summary>The ingestion's producer spans (one per event, from the request to Kinesis holding the record) and its accepted-events counter.</summary>
public static class IngestionTelemetry
{
    /// <summary>The ActivitySource name.</summary>
    public const string Name = "Testbed.Ingestion";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>("testbed.ingestion.accepted", "{event}", "Events Kinesis holds, i.e. answered 202 (or accepted within a 207).");

    /// <summary>Starts an event's "Kinesis PutRecords" span as a child of the request, without making it current (a batch starts hundreds side by side).</summary>
    public static Activity? StartPublish(string stream)
    {
        var request = Activity.Current;
        var span = Source.CreateActivity($"Kinesis PutRecords {stream}", ActivityKind.Producer, request?.Context ?? default);
        if (span is null)
        {
            return null;
        }

        span.SetTag("messaging.system", "aws_kinesis");
        span.SetTag("messaging.destination.name", stream);
        span.Start();
        Activity.Current = request;
        return span;
    }

    /// <summary>The traceparent to stamp on the record: the producer span's, else the request's.</summary>
    public static string? TraceParentOf(Activity? span) =>
        (span ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>Counts the event if Kinesis holds it and ends its span with where the record landed or why it did not.</summary>
    public static void Complete(Activity? span, string eventId, PublishResult result)
    {
        if (result.Outcome == PublishOutcome.Published)
        {
            Accepted.Add(1);
        }

        if (span is null)
        {
            return;
        }

        span.SetTag("messaging.message.id", eventId);
        if (result.Outcome == PublishOutcome.Published)
        {
            span.SetTag("aws.kinesis.shard_id", result.ShardId);
            span.SetTag("aws.kinesis.sequence_number", result.SequenceNumber);
        }
        else
        {
            span.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        span.Dispose();
    }
}
