using System.Diagnostics;
using System.Globalization;
using System.Net;
using Testbed.Aws.Configuration;
using Testbed.Emulators;
using Testbed.LoadTests.Baseline;
using Testbed.LoadTests.Capacity;
using Testbed.LoadTests.Checks;
using Testbed.LoadTests.Cli;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Processes;
using Testbed.LoadTests.Reports;
using Testbed.LoadTests.Scenarios;
using Testbed.LoadTests.Simulations;
using Testbed.LoadTests.Stack;
using Testbed.LoadTests.Thresholds;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.LoadTests;

/// <summary>One run: the capacity baseline, the stack, the load with live progress, the loss check, the reports and the thresholds.</summary>
public sealed class LoadRun(LoadOptions options, TextWriter console)
{
    private readonly IProgress<string> _say = new SynchronousProgress(console);

    /// <summary>Runs; returns the report and the folder it was written to.</summary>
    public async Task<(RunReport Report, string Folder)> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var folder = options.Output ?? Path.Combine(RepositoryRoot.Find(), "loadtests", "results", $"{started:yyyyMMdd-HHmmss}-{options.Scenario}");

        var baseline = options.Baseline > TimeSpan.Zero && options.Scenario != "runner-check"
            ? await BaselineAsync(options.Scenario == "baseline" ? options.Duration : options.Baseline, options.AwsEndpoint, cancellationToken).ConfigureAwait(false)
            : [];
        if (options.Scenario == "baseline")
        {
            return Finish(new RunReport("baseline", "closed model, 4 workers per emulator", "fresh emulators", started, TimeSpan.Zero, options.Duration, [], null, null, baseline, []), folder);
        }

        await using var trivial = options.Scenario == "runner-check" ? await TrivialTarget.StartAsync().ConfigureAwait(false) : null;
        await using var embedded = options.Target is null && trivial is null
            ? await EmbeddedStack.StartAsync($"load-{runId}", options.TraceRatio, options.BackgroundNice, _say, cancellationToken).ConfigureAwait(false)
            : null;
        var endpoints = trivial is not null ? new StackEndpoints(trivial.Url, trivial.Url, $"built-in trivial endpoint {trivial.Url}")
            : embedded?.Endpoints ?? new StackEndpoints(options.Target!, options.Api!, $"running stack: ingestion {options.Target}, api {options.Api}");

        var tokenEndpoint = trivial is not null ? null : options.Target is null ? endpoints.TokenEndpoint : options.TokenEndpoint;
        using var tokenHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var tokens = tokenEndpoint is null || options.Token is not null
            ? null
            : new ClientCredentialsTokenSource(tokenHttp, new TokenClientOptions { TokenEndpoint = tokenEndpoint, ClientId = options.ClientId, ClientSecret = options.ClientSecret }, TimeProvider.System);
        if (tokens is not null)
        {
            // Got before the load, so a wrong secret fails the run at once instead of every request.
            await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            _say.Report($"Sending a bearer token of client '{options.ClientId}' from {tokenEndpoint} with every request.");
        }

        using var ingestion = Client(endpoints.Ingestion, tokens, options.Token);
        using var api = Client(endpoints.Api, tokens, options.Token);
        var context = new ScenarioContext(options with { Sample = trivial is null ? options.Sample : 0 }, ingestion, api, runId);
        var plan = ScenarioPlan.For(context);

        var primed = trivial is null && options.Prime > 0
            ? await StackPrimer.RunAsync(ingestion, api, $"{context.Ledger.EventType}.prime", options.Prime, _say, cancellationToken).ConfigureAwait(false)
            : null;

        _say.Report($"Running {options.Scenario}: {options.Simulation}, warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s against {endpoints.Description}");
        // Aspire.Hosting.Testing runs the embedded stack's AppHost (the orchestrator's client, health checks, alarm polling) in this process.
        await using var sampler = new ProcessSampler(embedded is not null ? "runner and AppHost" : trivial is not null ? "runner and trivial endpoint" : "runner");
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var loadStarted = DateTimeOffset.UtcNow;
        long loadEnded;
        TimeSpan loadEndedAt;
        CapacityResult? capacity = null;
        CatchUpResult? catchUp = null;
        // The warm-up as it ran, from the load's start on the sampler's clock (a capacity run's is as set, from the clock's start).
        var warmup = options.Warmup;
        var loadFrom = TimeSpan.Zero;
        if (options.Scenario == "capacity")
        {
            capacity = await new CapacitySearch(context, sampler, console).RunAsync(options.Limits, cancellationToken).ConfigureAwait(false);
            loadEnded = Stopwatch.GetTimestamp();
            loadEndedAt = sampler.Elapsed;
        }
        else
        {
            // How far behind the pipeline is comes from the freshness probe's sampled events: without them, the measured part begins at the warm-up's end.
            var catchesUp = options.CatchUp > TimeSpan.Zero && plan.Steps.Contains(context.Freshness);
            var start = catchesUp ? MeasureStart.WhenCaughtUp(options.Warmup, options.CatchUp) : MeasureStart.AfterWarmup(options.Warmup);
            loadFrom = sampler.Elapsed;
            await using var progress = new LiveProgress(plan.Steps, start, console);
            progress.Start();
            var catchingUp = catchesUp ? CatchUp.RunAsync(start, () => context.Probe.OldestPending, cancellationToken) : null;
            await Task.WhenAll(plan.Streams.Select((stream, i) =>
                LoadDriver.RunAsync(stream.Shape, start, options.Duration, stream.Invoke, plan.Overloads[i], cancellationToken))).ConfigureAwait(false);
            loadEnded = Stopwatch.GetTimestamp();
            loadEndedAt = sampler.Elapsed;
            catchUp = catchingUp is null ? null : await catchingUp.ConfigureAwait(false);
            if (catchUp is { } c)
            {
                _say.Report(c.CaughtUp
                    ? string.Create(CultureInfo.InvariantCulture, $"The measured part began {c.Held.TotalSeconds:0.0} s after the warm-up, the pipeline {c.BacklogSeconds:0.0} s behind.")
                    : string.Create(CultureInfo.InvariantCulture, $"The pipeline had not caught up {c.Held.TotalSeconds:0.0} s after the warm-up ({c.BacklogSeconds:0.0} s behind); the measured part began anyway (--catch-up)."));
            }

            await context.Probe.DrainAsync().ConfigureAwait(false);
            warmup = TimeSpan.FromSeconds(start.Seconds);
        }

        _say.Report($"Load finished after {watch.Elapsed.TotalSeconds:0.0} s; {context.Ledger.Accepted:N0} events accepted.");
        var loss = trivial is null
            ? await LossCheck.RunAsync(api, plan.StoredType, context.Ledger.Accepted, context.Ledger.AcceptedIds, loadEnded, _say, cancellationToken).ConfigureAwait(false)
            : null;
        var freshness = trivial is null ? (await PipelineStatus.ReadAsync(api, cancellationToken).ConfigureAwait(false))?.Freshness : null;
        var alarms = trivial is null ? await RunAlarms.ReadAsync(api, loadStarted, cancellationToken).ConfigureAwait(false) : null;
        if (alarms?.Where(a => a.ByLoad).Select(a => a.Name).ToList() is { Count: > 0 } byLoad)
        {
            _say.Report($"Alarms set off by the load: {string.Join(", ", byLoad)} (report.md, Alarms).");
        }

        if (alarms?.Where(a => a.RaisedBeforeLoad.Count > 0).Select(a => a.Name).ToList() is { Count: > 0 } early)
        {
            _say.Report($"Alarms set off by calls made before the load (the stack's first calls, priming): {string.Join(", ", early)} (report.md, Alarms).");
        }

        var measuredFrom = loadFrom + warmup;
        var processes = await sampler.StopAsync(measuredFrom, loadEndedAt).ConfigureAwait(false);
        var machine = sampler.Machine(measuredFrom, loadEndedAt);
        // A capacity run's steps are its stages, each over its own duration.
        var steps = capacity is null
            ? plan.Steps.Select(s => StepStats.From(s.Name, s.Samples, options.Duration)).ToList()
            : [.. capacity.Stages.SelectMany(s => new[] { s.Ingest with { Name = Stage("ingest", s.Rate) }, s.Freshness with { Name = Stage("freshness", s.Rate) } })];
        var measured = capacity is null ? options.Duration : options.Duration * capacity.Stages.Count;
        var report = new RunReport(options.Scenario, options.Simulation, endpoints.Description, started, warmup, measured, steps, loss, freshness, baseline, [], processes, capacity, alarms, primed, machine, catchUp, loadEndedAt - measuredFrom, context.Probe.Reads is { Events: > 0 } probe ? probe : null);
        report = report with { Thresholds = [.. options.Thresholds.Select(t => new ThresholdResult(t, report.Figure(t.Figure)))] };
        return Finish(report, folder);
    }

    private static string Stage(string step, double rate) => string.Create(CultureInfo.InvariantCulture, $"{step}@{rate:0}");

    private (RunReport, string) Finish(RunReport report, string folder)
    {
        var files = ReportWriter.Write(report, folder);
        console.WriteLine();
        console.WriteLine(MarkdownReport.Render(report));
        console.WriteLine($"Reports: {string.Join(", ", files.Select(Path.GetFileName))} in {folder}");
        return (report, folder);
    }

    private async Task<IReadOnlyList<ThroughputResult>> BaselineAsync(TimeSpan duration, Uri? edge, CancellationToken cancellationToken)
    {
        if (edge is not null)
        {
            _say.Report($"Measuring the emulators' capacity through the edge {edge} ({duration.TotalSeconds:0} s each)…");
            var throughEdge = AwsClientFactory.For(new AwsOptions { Region = "us-east-1", ServiceUrl = edge, AccessKeyId = "test", SecretAccessKey = "test" });
            return await new EmulatorBaseline(throughEdge, console).RunAsync(duration, workers: 4, cancellationToken).ConfigureAwait(false);
        }

        _say.Report($"Measuring the emulators' capacity on fresh emulators ({duration.TotalSeconds:0} s each)…");
        await using var emulators = await EmulatorHost.StartAsync(new EmulatorHostOptions(), cancellationToken).ConfigureAwait(false);
        var clients = AwsClientFactory.For(emulators.Endpoints.ToAwsOptions());
        return await new EmulatorBaseline(clients, console).RunAsync(duration, workers: 4, cancellationToken).ConfigureAwait(false);
    }

    private static HttpClient Client(Uri baseAddress, ClientCredentialsTokenSource? tokens, string? token)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1_024,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (tokens is not null)
        {
            handler = new BearerTokenHandler(tokens) { InnerHandler = handler };
        }

        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private sealed class SynchronousProgress(TextWriter console) : IProgress<string>
    {
        public void Report(string value) => console.WriteLine(value);
    }
}
