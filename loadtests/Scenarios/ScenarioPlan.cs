using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Scenarios;

/// <summary>A scenario made concrete: the streams to drive, the steps to report, and what the loss check counts.</summary>
public sealed record ScenarioPlan(IReadOnlyList<LoadStream> Streams, IReadOnlyList<StepRecorder> Steps, Action<Invocation>[] Overloads, string StoredType)
{
    /// <summary>The plan of the scenario the options name.</summary>
    public static ScenarioPlan For(ScenarioContext context)
    {
        var options = context.Options;
        LoadShape main = options.Concurrency is { } users
            ? new LoadShape.Closed(users)
            : options.RampTo is { } to ? new LoadShape.Ramping(options.Rate, to) : new LoadShape.Constant(options.Rate);
        var ingest = new StepRecorder(options.Scenario == "dataset" ? "upload" : "ingest");
        var requests = new IngestRequests(context, ingest);
        Func<Invocation, Task> send = options.Scenario switch
        {
            "ingest-batch" => requests.BatchAsync,
            "dataset" => requests.DatasetAsync,
            _ => requests.SingleAsync,
        };
        var streams = new List<LoadStream> { new(ingest, main, send) };
        var steps = new List<StepRecorder> { ingest };
        var overloads = new List<Action<Invocation>> { requests.Overloaded };
        if (options.Scenario != "dataset" && options.Sample > 0)
        {
            steps.Add(context.Freshness);
        }

        if (options.Scenario == "mixed")
        {
            var read = new StepRecorder("read");
            var reads = new ReadRequests(context, read);
            streams.Add(new LoadStream(read, new LoadShape.Constant(options.ReadRate), reads.ReadAsync));
            steps.Add(read);
            overloads.Add(reads.Overloaded);
        }

        var storedType = options.Scenario == "dataset" ? "dataset." + IngestRequests.DatasetName(context.RunId) : context.Ledger.EventType;
        return new ScenarioPlan(streams, steps, [.. overloads], storedType);
    }
}
