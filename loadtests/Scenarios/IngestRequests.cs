using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Scenarios;

/// <summary>The ingestion requests: one event, a batch of events, a dataset file; each recorded with its latency from its intended start.</summary>
public sealed class IngestRequests(ScenarioContext context, StepRecorder step)
{
    private static readonly string Payload = new('x', 120);

    /// <summary>POST /events with one event; a sampled one is then polled until queryable.</summary>
    public async Task SingleAsync(Invocation invocation)
    {
        var id = $"{context.RunId}-{invocation.Number}";
        var body = JsonSerializer.Serialize(new { type = context.Ledger.EventType, id, data = EventData(invocation.Number) });
        var accepted = await SendAsync(invocation, "events", body, "application/json", HttpStatusCode.Accepted, 1, [id]).ConfigureAwait(false);
        if (accepted is { } at && context.Sampled(invocation.Number))
        {
            context.Probe.Track(id, at, invocation.At);
        }
    }

    /// <summary>The data of the event of the <paramref name="number"/>th single request (the emulator baseline stores the same).</summary>
    public static object EventData(long number) => new { n = number, amount = number % 100, note = Payload };

    /// <summary>POST /events/batch with --batch-size events; its first event may be sampled.</summary>
    public async Task BatchAsync(Invocation invocation)
    {
        var size = context.Options.BatchSize;
        var events = Enumerable.Range(0, size).Select(i => new
        {
            type = context.Ledger.EventType,
            id = $"{context.RunId}-{invocation.Number}-{i}",
            data = new { n = invocation.Number, i, amount = i % 100, note = Payload },
        });
        var accepted = await SendAsync(invocation, "events/batch", JsonSerializer.Serialize(events), "application/json", HttpStatusCode.Accepted, size, [.. events.Select(e => e.id)]).ConfigureAwait(false);
        if (accepted is { } at && context.Sampled(invocation.Number, size))
        {
            context.Probe.Track($"{context.RunId}-{invocation.Number}-0", at, invocation.At);
        }
    }

    /// <summary>POST /datasets/{run's dataset} with a CSV file of --batch-size rows.</summary>
    public async Task DatasetAsync(Invocation invocation)
    {
        var csv = new StringBuilder("n,city,amount\n");
        for (var row = 0; row < context.Options.BatchSize; row++)
        {
            csv.Append(invocation.Number).Append(",city-").Append(row % 17).Append(',').Append(row % 100).Append('\n');
        }

        await SendAsync(invocation, $"datasets/{DatasetName(context.RunId)}", csv.ToString(), "text/csv", HttpStatusCode.Accepted, context.Options.BatchSize).ConfigureAwait(false);
    }

    /// <summary>The dataset name of a run; its rows are events of type dataset.&lt;name&gt;.</summary>
    public static string DatasetName(string runId) => $"load{runId}";

    /// <summary>Records the overload of the open model as failures of this step.</summary>
    public void Overloaded(Invocation invocation)
    {
        if (invocation.Measured)
        {
            step.Record(new Sample(invocation.At, 0, Failures.RunnerSaturated, 0));
        }
    }

    // Returns when the 202 arrived (Stopwatch ticks), or null when the request failed.
    private async Task<long?> SendAsync(Invocation invocation, string path, string body, string contentType, HttpStatusCode expected, int events, IReadOnlyList<string>? ids = null)
    {
        string? failure = null;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, contentType);
            using var response = await context.Ingestion.PostAsync(path, content).ConfigureAwait(false);
            if (response.StatusCode == expected)
            {
                context.Ledger.Accept(events, ids);
            }
            else
            {
                failure = Failures.Of(response.StatusCode);
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            failure = Failures.Of(error);
        }

        var answered = Stopwatch.GetTimestamp();
        step.Record(new Sample(invocation.At, Stopwatch.GetElapsedTime(invocation.IntendedTimestamp, answered).TotalMilliseconds, failure, failure is null ? events : 0));

        return failure is null ? answered : null;
    }
}
