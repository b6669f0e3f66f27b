using Testbed.LoadTests.Cli;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Scenarios;

/// <summary>What every scenario's requests share: clients, the run's ledger, the freshness probe and the step recorders.</summary>
public sealed class ScenarioContext
{
    /// <summary>The freshness probe's step: it counts sampled events, not the reads made for them.</summary>
    public const string FreshnessStep = "freshness";

    /// <summary>Creates the context of one run.</summary>
    public ScenarioContext(LoadOptions options, HttpClient ingestion, HttpClient api, string runId)
    {
        Options = options;
        Ingestion = ingestion;
        Api = api;
        RunId = runId;
        Ledger = new RunLedger($"load.{runId}");
        Freshness = new StepRecorder(FreshnessStep);
        Probe = new FreshnessProbe(api, Ledger, Freshness);
    }

    /// <summary>The run's options.</summary>
    public LoadOptions Options { get; }

    /// <summary>A client for the ingestion service.</summary>
    public HttpClient Ingestion { get; }

    /// <summary>A client for the api.</summary>
    public HttpClient Api { get; }

    /// <summary>Short id of this run, part of its event type and dataset name.</summary>
    public string RunId { get; }

    /// <summary>What was accepted and stored.</summary>
    public RunLedger Ledger { get; }

    /// <summary>The accept → queryable step.</summary>
    public StepRecorder Freshness { get; }

    /// <summary>Polls sampled events.</summary>
    public FreshnessProbe Probe { get; }

    /// <summary>Whether request <paramref name="number"/> (carrying <paramref name="events"/> events) has one event polled, so that about the sampled share of events is.</summary>
    public bool Sampled(long number, int events = 1) => Options.Sample > 0 && (number % Math.Max(1, (long)Math.Round(1 / (Options.Sample * events)))) == 0;
}
