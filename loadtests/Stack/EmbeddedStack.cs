using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Testbed.AppHost.Startup;
using Testbed.Emulators;
using Testbed.LoadTests.Processes;

namespace Testbed.LoadTests.Stack;

/// <summary>The whole local stack for one run: the AppHost started through Aspire.Hosting.Testing on free ports, stopped at the end.</summary>
public sealed class EmbeddedStack : IAsyncDisposable
{
    private static readonly string[] Healthy = ["kinesis", "dynamodb", "s3", "identity", "ingestion", "processor", "api", "web"];
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(4);

    // What no request waits for: the consumers and what only they call, and what only shows the run. The request path (ingestion,
    // the Kinesis emulator it writes to, the Api the freshness probe reads through, and the runner) keeps the normal priority.
    private static readonly IReadOnlySet<string> Background = new HashSet<string>(StringComparer.Ordinal) { "processor", "dynamodb", "s3", "web", "aspire-dashboard" };
    private readonly DistributedApplication _app;

    private EmbeddedStack(DistributedApplication app, StackEndpoints endpoints)
    {
        _app = app;
        Endpoints = endpoints;
    }

    /// <summary>The ingestion and api URLs.</summary>
    public StackEndpoints Endpoints { get; }

    /// <summary>Starts the AppHost with a fresh pipeline prefix and waits until every resource is healthy.</summary>
    /// <param name="prefix">The pipeline's resource prefix for this run.</param>
    /// <param name="traceRatio">The share of requests traced; above 0 the Aspire dashboard runs and receives them, at 0 nothing is exported.</param>
    /// <param name="backgroundNice">The nice value of the processes no request waits for (see <see cref="BackgroundPriority"/>); 0 leaves them alone.</param>
    /// <param name="progress">Where to say what happens.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<EmbeddedStack> StartAsync(string prefix, double traceRatio, int backgroundNice, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        progress.Report("Starting the embedded stack (the AppHost, through Aspire.Hosting.Testing)…");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = traceRatio > 0 },
            [$"--Pipeline:Prefix={prefix}"],
            limit.Token).ConfigureAwait(false);
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            // A fresh service runs tier-0 code and tiers up while the load arrives: measured on 2 cores (2026-11-28, 1,000 events/s),
            // the processors fell 8-11 s behind in the first half minute (client freshness p99 11.0 s, 0.59 s with tiering off,
            // 4.7 s with PGO off). Fully compiled at first call, a run measures the pipeline, not the JIT's warm-up.
            var service = builder.CreateResourceBuilder(project).WithEnvironment("Logging__LogLevel__Default", "Warning")
                .WithEnvironment("DOTNET_TieredCompilation", "0");

            // Aspire has every service send its metrics to the dashboard each second; the report does not read them. Every 10 s, measured
            // at 300 events/s (2026-11-29, 2 runs against 4): the dashboard took 2.0 % of a core instead of 4.3-4.8 %.
            service.WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "10000");
            if (project.Name is "ingestion" or "api")
            {
                // The load goes straight to the service, not through the orchestrator's proxy: one hop and one process less per request.
                service.WithEndpoint("http", endpoint =>
                {
                    endpoint.IsProxied = false;
                    endpoint.Port = FreePort.Next();
                    endpoint.TargetPort = endpoint.Port;
                });
            }

            if (project.Name is "ingestion" or "api" or "processor")
            {
                // Without tiering, the framework's precompiled (ReadyToRun) code is never replaced by optimised code; the services on an
                // event's way to a query compile it too. Measured at 2,000 events/s (2026-11-28): ingestion took 32 % of a core instead of
                // 48 %, the Api 8.6 % instead of 11 %; at 300 events/s (2026-11-29) each processor 15.0-15.3 % instead of 17.4-18.6 %.
                service.WithEnvironment("DOTNET_ReadyToRun", "0");
            }

            service = traceRatio > 0
                ? service.WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                    .WithEnvironment("OTEL_TRACES_SAMPLER_ARG", traceRatio.ToString(CultureInfo.InvariantCulture))
                : service.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
        }

        var app = await builder.BuildAsync(limit.Token).ConfigureAwait(false);
        await using var processes = ResourceProcesses.Follow(app);
        var priority = "all at normal CPU priority";
        try
        {
            // One limit for the whole start: what building took is not given again to the start.
            await app.StartHealthyAsync(Healthy, TimeSpan.FromTicks(Math.Max(0, (StartLimit - watch.Elapsed).Ticks)), cancellationToken).ConfigureAwait(false);

            if (backgroundNice > 0)
            {
                // Measured at 2,000 events/s on 2 cores (2026-11-28): accept p99 33-69 ms (median 42) in 8 runs at nice 10, 66-129 ms
                // in 3 without; the price is the consumers' tail, client freshness p99 median 0.63 s against 0.38 s; caught up either way.
                var lowered = BackgroundPriority.Lower(processes.Of(Background), backgroundNice);
                progress.Report($"Lowered to nice {backgroundNice}: {string.Join(", ", lowered)}");
                priority = $"processors, DynamoDB and S3 emulators, dashboard and web at nice {backgroundNice}";
            }
        }
        catch
        {
            // A stack that did not start, or whose priorities could not be set, is stopped: no process outlives the run.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var endpoints = new StackEndpoints(
            app.GetEndpoint("ingestion", "http"),
            app.GetEndpoint("api", "http"),
            $"embedded stack (AppHost, prefix {prefix}; services fully compiled at first call; {priority})",
            new Uri(app.GetEndpoint("identity", "http"), "/oauth2/token"));
        progress.Report($"Embedded stack up in {watch.Elapsed.TotalSeconds:0.0} s: ingestion {endpoints.Ingestion}, api {endpoints.Api}");
        return new EmbeddedStack(app, endpoints);
    }

    /// <summary>Stops every resource of the stack and waits for it.</summary>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
