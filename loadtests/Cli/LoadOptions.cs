using System.Globalization;
using Testbed.LoadTests.Capacity;
using Testbed.LoadTests.Thresholds;

namespace Testbed.LoadTests.Cli;

/// <summary>What one run does, from the command line.</summary>
public sealed record LoadOptions
{
    /// <summary>The scenarios the runner knows.</summary>
    public static readonly string[] Scenarios = ["ingest-single", "ingest-batch", "freshness", "mixed", "dataset", "baseline", "runner-check", "capacity"];

    /// <summary>The scenario to run.</summary>
    public required string Scenario { get; init; }

    /// <summary>Requests per second for the open model (constant, or the ramp's start).</summary>
    public double Rate { get; init; } = 200;

    /// <summary>When set, the rate ramps linearly from <see cref="Rate"/> to this over the measured duration.</summary>
    public double? RampTo { get; init; }

    /// <summary>The capacity scenario's rate increase per stage (its first rate when unset).</summary>
    public double? Step { get; init; }

    /// <summary>The capacity scenario's limits: the highest client freshness p99 and backlog a stage may end with and still count as kept up.</summary>
    public CapacityLimits Limits { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    /// <summary>When set, a closed model: this many virtual users, each sending its next request when the last is answered.</summary>
    public int? Concurrency { get; init; }

    /// <summary>How long the load is measured.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Load before measuring starts, not counted in latencies (its events still count in the loss check).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest the warm-up's rate is held past the warm-up until the pipeline has caught up with it; zero measures from the warm-up's end.</summary>
    public TimeSpan CatchUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The ingestion URL of a running stack; null starts the embedded stack.</summary>
    public Uri? Target { get; init; }

    /// <summary>The api URL of a running stack.</summary>
    public Uri? Api { get; init; }

    /// <summary>The token endpoint of a running stack's issuer (OAuth2 client credentials); with --target, the local identity's by default.</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>The client to get tokens for (testbed by default).</summary>
    public string ClientId { get; init; } = "testbed";

    /// <summary>That client's secret (the local issuer's by default).</summary>
    public string ClientSecret { get; init; } = "testbed-local-secret";

    /// <summary>A bearer token to send as it is, instead of getting one by client credentials.</summary>
    public string? Token { get; init; }

    /// <summary>A LocalStack-style edge (keys test/test) to measure the baseline through, instead of fresh embedded emulators.</summary>
    public Uri? AwsEndpoint { get; init; }

    /// <summary>Events per batch request (ingest-batch, and capacity when given) or rows per file (dataset).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Whether the capacity scenario posts its events in batches of <see cref="BatchSize"/> (--batch-size given) instead of one per request.</summary>
    public bool CapacityInBatches { get; init; }

    /// <summary>The share of accepted events polled through the Api until queryable.</summary>
    public double Sample { get; init; } = 0.01;

    /// <summary>Reads per second through the Api in the mixed scenario.</summary>
    public double ReadRate { get; init; } = 50;

    /// <summary>Seconds of emulator capacity measurement before the load; 0 skips it.</summary>
    public TimeSpan Baseline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Events sent through the whole pipeline, and waited for until queryable, before the load (so the services have compiled their code); 0 skips it.</summary>
    public int Prime { get; init; } = 200;

    /// <summary>Share of requests the embedded stack traces (1 % by default: tracing every event would load the machine).</summary>
    public double TraceRatio { get; init; } = 0.01;

    /// <summary>The nice value the embedded stack's background side (processors, DynamoDB and S3 emulators, dashboard, web) runs at; 0 leaves priorities alone.</summary>
    public int BackgroundNice { get; init; } = 10;

    /// <summary>Where the reports go.</summary>
    public string? Output { get; init; }

    /// <summary>Conditions the run must meet; a breach makes the exit code 1.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>How the load is shaped, in words for reports.</summary>
    public string Simulation => Scenario == "capacity"
        ? string.Create(CultureInfo.InvariantCulture, $"stages of {Duration.TotalSeconds:0} s at constant rates from {Rate} events/s, {Step ?? Rate} higher each, up to {RampTo ?? Rate * 20}, {(CapacityInBatches ? $"in batches of {BatchSize} events" : "one event per request")}, until freshness p99 > {Limits.MaxFreshness.TotalMilliseconds:0} ms or backlog > {Limits.MaxBacklog.TotalSeconds:0.#} s")
        : Concurrency is { } users
        ? $"closed model, {users} concurrent users"
        : RampTo is { } to
            ? $"ramping arrival rate {Rate.ToString(CultureInfo.InvariantCulture)} → {to.ToString(CultureInfo.InvariantCulture)} req/s"
            : $"constant arrival rate {Rate.ToString(CultureInfo.InvariantCulture)} req/s";

    /// <summary>Usage text.</summary>
    public const string Usage = """
        Usage: dotnet run --project loadtests -- <scenario> [options]

        Scenarios: ingest-single  POST /events, one event per request
                   ingest-batch   POST /events/batch, --batch-size events per request
                   freshness      ingest-single with 10 % of events polled until queryable
                   mixed          ingest-single plus --read-rate reads/s through the Api
                   dataset        POST /datasets/{name}, CSV files of --batch-size rows
                   baseline       only the emulators' capacity (Kinesis PutRecords, DynamoDB BatchWriteItem)
                   runner-check   ingest-single against a built-in endpoint that answers at once: the runner's own ceiling
                   capacity       ingest-single in stages of --duration (default 20 s), --step events/s higher each, from --rate
                                  (default 250) up to --ramp-to (default 20 x --rate), until a stage breaks --max-freshness or --max-backlog: the knee rate and
                                  what ran out (an emulator's thread, or the machine's CPU); with --batch-size, ingest-batch instead
                                  (the rates stay events/s: rate / batch size requests a second)

        Options:   --rate N            requests per second, open model (default 200)
                   --ramp-to N         ramp the rate from --rate to N over --duration
                   --step N            capacity: rate increase per stage (default: --rate); capacity's rates are events/s
                   --max-freshness 1s  capacity: client freshness p99 a stage may reach and still count as kept up
                   --max-backlog 2s    capacity: unread records at a stage's end, in seconds of its rate
                   --concurrency N     closed model: N users instead of an arrival rate
                   --duration 60s      measured time (also 1m, 500ms)
                   --warmup 10s        load before measuring (rising to the rate over its first half)
                   --catch-up 30s      after the warm-up, hold its rate until the pipeline has caught up (no sampled event
                                       older than 0.5 s still not queryable, and no longer falling), at most this long;
                                       0 measures from the warm-up's end (as does --sample 0)
                   --target URL        ingestion of a running stack (AppHost: http://127.0.0.1:5080)
                   --api URL           its api (default http://127.0.0.1:5090 with --target)
                   --token-endpoint URL  its issuer's token endpoint (default http://127.0.0.1:5070/oauth2/token with --target;
                                       the embedded stack's identity otherwise); tokens by OAuth2 client credentials
                   --client-id ID      the client to get tokens for (default testbed)
                   --client-secret S   its secret (default testbed-local-secret, the local issuer's)
                   --token TOKEN       send this bearer token instead (e.g. from a Cognito user pool)
                   --batch-size N      events per batch / rows per dataset file (default 100); capacity posts batches only when given
                   --sample 0.01       share of events polled until queryable
                   --read-rate N       reads per second in mixed (default 50)
                   --baseline 5s       emulator capacity measured first; 0 skips
                   --aws-endpoint URL  measure the baseline through a LocalStack edge (keys test/test)
                   --prime 200         events sent through the pipeline, each waited for until queryable, before the load; 0 skips
                   --trace-ratio 0.01  share of requests the embedded stack traces
                   --threshold "freshness.p99 < 500ms"   (repeatable) exit 1 when breached
                   --background-nice 10  the embedded stack's processors, DynamoDB and S3 emulators, dashboard and web
                                       run at this nice value (0-19), so that they yield the cores to the request path;
                                       0 leaves priorities alone
                   --out DIR           reports folder (default loadtests/results/<time>-<scenario>)
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with the problem.</summary>
    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            throw new ArgumentException(Usage);
        }

        var scenario = args[0];
        if (!Scenarios.Contains(scenario))
        {
            throw new ArgumentException($"Unknown scenario '{scenario}'. Available: {string.Join(", ", Scenarios)}.");
        }

        var capacity = scenario == "capacity";
        var options = new LoadOptions
        {
            Scenario = scenario,
            // The probe's reads load the same Api and DynamoDB: at the rates capacity reaches, 2 % is enough samples and little load.
            Sample = scenario switch { "freshness" => 0.1, "capacity" => 0.02, _ => 0.01 },
            Rate = capacity ? 250 : 200,
            Duration = capacity ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(60),
        };
        var thresholds = new List<Threshold>();
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--rate" => options with { Rate = Positive(value, name) },
                "--ramp-to" => options with { RampTo = Positive(value, name) },
                "--step" => options with { Step = Positive(value, name) },
                "--max-freshness" => options with { Limits = options.Limits with { MaxFreshness = Durations.Parse(value, name) } },
                "--max-backlog" => options with { Limits = options.Limits with { MaxBacklog = Durations.Parse(value, name) } },
                "--concurrency" => options with { Concurrency = (int)Positive(value, name) },
                "--duration" => options with { Duration = Durations.Parse(value, name) },
                "--warmup" => options with { Warmup = Durations.Parse(value, name) },
                "--catch-up" => options with { CatchUp = Durations.Parse(value, name) },
                "--target" => options with { Target = Url(value, name) },
                "--api" => options with { Api = Url(value, name) },
                "--token-endpoint" => options with { TokenEndpoint = new Uri(Url(value, name).AbsoluteUri.TrimEnd('/')) },
                "--client-id" => options with { ClientId = value },
                "--client-secret" => options with { ClientSecret = value },
                "--token" => options with { Token = value },
                "--aws-endpoint" => options with { AwsEndpoint = Url(value, name) },
                "--batch-size" => options with { BatchSize = (int)Positive(value, name), CapacityInBatches = capacity },
                "--sample" => options with { Sample = Share(value, name) },
                "--read-rate" => options with { ReadRate = Positive(value, name) },
                "--baseline" => options with { Baseline = Durations.Parse(value, name) },
                "--prime" => options with { Prime = Count(value, name) },
                "--trace-ratio" => options with { TraceRatio = Share(value, name) },
                "--background-nice" => options with { BackgroundNice = Nice(value, name) },
                "--out" => options with { Output = value },
                "--threshold" => Add(options, thresholds, Threshold.Parse(value)),
                _ => throw new ArgumentException($"Unknown option '{name}'.\n\n{Usage}"),
            };
        }

        if (capacity && (options.Concurrency is not null || options.RampTo < options.Rate))
        {
            throw new ArgumentException("capacity: --ramp-to (the highest rate) must be at least --rate, and --concurrency does not apply (stages are constant rates).");
        }

        if (options.Target is not null && options.Api is null)
        {
            options = options with { Api = new Uri("http://127.0.0.1:5090/") };
        }

        if (options.Target is not null && options.TokenEndpoint is null)
        {
            options = options with { TokenEndpoint = new Uri("http://127.0.0.1:5070/oauth2/token") };
        }

        return options with { Thresholds = thresholds };
    }

    private static LoadOptions Add(LoadOptions options, List<Threshold> thresholds, Threshold threshold)
    {
        thresholds.Add(threshold);
        return options;
    }

    private static double Positive(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a positive number.");

    private static double Share(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a share between 0 and 1.");

    private static int Count(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a count (0 or more).");

    private static int Nice(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 19
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a nice value from 0 (normal priority) to 19 (lowest).");

    private static Uri Url(string text, string option) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"{option}: '{text}' is not an http(s) URL.");
}
