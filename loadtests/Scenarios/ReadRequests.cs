using System.Diagnostics;
using System.Net;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Scenarios;

/// <summary>The mixed scenario's reads through the Api, in turn: an event by id, the run's aggregates, a page of the run's events.</summary>
public sealed class ReadRequests(ScenarioContext context, StepRecorder step)
{
    /// <summary>One read; 200 is success.</summary>
    public async Task ReadAsync(Invocation invocation)
    {
        var type = Uri.EscapeDataString(context.Ledger.EventType);
        var path = (invocation.Number % 3, context.Ledger.AnyStored()) switch
        {
            (0, { } id) => $"events/{Uri.EscapeDataString(id)}",
            (1, _) => $"events?type={type}&limit=20",
            _ => $"aggregates?type={type}",
        };
        string? failure = null;
        try
        {
            using var response = await context.Api.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            failure = response.StatusCode == HttpStatusCode.OK ? null : Failures.Of(response.StatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            failure = Failures.Of(error);
        }

        step.Record(new Sample(invocation.At, Stopwatch.GetElapsedTime(invocation.IntendedTimestamp).TotalMilliseconds, failure, failure is null ? 1 : 0));
    }

    /// <summary>Records the overload of the open model.</summary>
    public void Overloaded(Invocation invocation)
    {
        if (invocation.Measured)
        {
            step.Record(new Sample(invocation.At, 0, Failures.RunnerSaturated, 0));
        }
    }
}
