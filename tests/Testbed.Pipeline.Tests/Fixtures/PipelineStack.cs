using Amazon.DynamoDBv2;
using Amazon.S3;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Testbed.AppHost.Startup;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis;
using Testbed.Emulators;
using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Authentication;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>
/// The whole pipeline of one test: the AppHost started through Aspire.Hosting.Testing with its own resource prefix and
/// processors fast enough for tests, in LocalStack mode against the assembly's container where one runs (Testcontainers),
/// else on its own embedded emulators.
/// </summary>
public sealed class PipelineStack : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(4);
    private static readonly string[] Services = ["identity", "ingestion", "processor", "api", "web"];
    private static readonly TimeSpan CommandBound = TimeSpan.FromSeconds(90);
    private readonly DistributedApplication _app;
    private readonly HttpClient _kinesisHttp = new();
    private readonly HttpClient _tokenHttp = new();
    private readonly ClientCredentialsTokenSource _tokens;

    private PipelineStack(DistributedApplication app, PipelineResources resources, IReadOnlyList<string> processors, AwsClientFactory clients)
    {
        _app = app;
        Resources = resources;
        Processors = processors;
        Connection = clients.Connection;
        Kinesis = clients.CreateKinesis(_kinesisHttp);
        DynamoDb = clients.CreateDynamoDb();
        S3 = clients.CreateS3();
        Identity = app.GetEndpoint("identity", "http");
        _tokens = LocalIssuer.Tokens(Identity, LocalIssuer.FullAccess, _tokenHttp);
    }

    /// <summary>The local issuer's base URL, also the tokens' iss.</summary>
    public Uri Identity { get; }

    /// <summary>The region, endpoints and credentials of the stack's AWS, for clients of the test's own.</summary>
    public AwsConnection Connection { get; }

    /// <summary>This stack's stream, bucket and tables.</summary>
    public PipelineResources Resources { get; }

    /// <summary>The processor replicas' resource ids, as the dashboard names them.</summary>
    public IReadOnlyList<string> Processors { get; }

    /// <summary>A Kinesis client on the stack's emulator, the test's own view of the stream.</summary>
    public IKinesisClient Kinesis { get; }

    /// <summary>A DynamoDB client on the stack's emulator.</summary>
    public IAmazonDynamoDB DynamoDb { get; }

    /// <summary>An S3 client on the stack's emulator.</summary>
    public IAmazonS3 S3 { get; }

    /// <summary>Starts the AppHost with a fresh prefix, <paramref name="shards"/> shards and <paramref name="processors"/> processor replicas, and waits until every resource is healthy.</summary>
    /// <param name="aws">The assembly's AWS environment: its container is used where it runs; null (or embedded) gives the stack its own emulators.</param>
    /// <param name="purpose">What the stack is for: the start of its prefix.</param>
    /// <param name="shards">Shards of the stream.</param>
    /// <param name="processors">Processor replicas.</param>
    /// <param name="settings">More AppHost settings (--Processor:WorkerId=…).</param>
    public static async Task<PipelineStack> StartAsync(AwsEnvironmentFixture? aws, string purpose, int shards = 2, int processors = 1, params string[] settings)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(StartBound);
        var prefix = UniqueName.For(purpose);
        var container = aws is { InContainer: true };
        string[] environment = container ? ["--Aws:Mode=LocalStack", $"--Aws:ServiceUrl={aws!.Endpoints.Kinesis}"] : [];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(
            [
                $"--Pipeline:Prefix={prefix}",
                $"--Pipeline:ShardCount={shards}",
                $"--AppHost:ProcessorReplicas={processors}",
                // A dead processor's shards move within seconds.
                "--Processor:PollInterval=00:00:00.020",
                "--Processor:LeaseTimeout=00:00:03",
                "--Processor:LeaseRenewInterval=00:00:00.500",
                .. environment,
                .. settings,
            ],
            bound.Token);
        var app = await builder.BuildAsync(bound.Token);
        try
        {
            var replicas = ReplicaIdsAsync(app, "processor", processors, bound.Token);
            await app.StartHealthyAsync(container ? Services : ["kinesis", "dynamodb", "s3", .. Services], StartBound, TestContext.Current.CancellationToken);

            var endpoints = container
                ? aws!.Clients
                : AwsClientFactory.For(
                    new EmulatorEndpoints(app.GetEndpoint("kinesis", "http"), app.GetEndpoint("dynamodb", "http"), app.GetEndpoint("s3", "http")).ToAwsOptions());
            return new PipelineStack(app, PipelineResources.Create(prefix, shards), await replicas, endpoints);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client on the ingestion service, sending a token of the client with every scope (got by client credentials from the stack's identity).</summary>
    public HttpClient Ingestion() => LocalIssuer.Client(_app.GetEndpoint("ingestion", "http"), _tokens);

    /// <summary>A client on the Api, sending a token of the client with every scope.</summary>
    public HttpClient Api() => LocalIssuer.Client(_app.GetEndpoint("api", "http"), _tokens);

    /// <summary>A client on a resource (ingestion, api, identity) that sends no token.</summary>
    public HttpClient Anonymous(string resource) => Client(resource);

    /// <summary>The web front's address, for a browser.</summary>
    public Uri Web => _app.GetEndpoint("web", "http");

    /// <summary>A client on the processors (any replica).</summary>
    public HttpClient Processor() => Client("processor");

    /// <summary>Kills a processor replica's process outright (SIGKILL, a crash) and waits until the orchestrator sees it gone.</summary>
    public async Task KillProcessorAsync(int replica = 0)
    {
        var id = Processors[replica];
        var process = ServiceProcessOf(id);
        process.Kill();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(CommandBound);

        // A killed process cannot remove its runtime files from the temp folder: the test removes what it caused.
        foreach (var file in ProcessProbe.RuntimeFilesOf(process.Id))
        {
            File.Delete(file);
        }

        await _app.ResourceNotifications.WaitForResourceAsync("processor", e => e.ResourceId == id && KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), TestContext.Current.CancellationToken)
            .WaitAsync(CommandBound);
    }

    /// <summary>Starts a stopped or killed processor replica again, as the dashboard's Start does, and waits until it runs.</summary>
    public Task StartProcessorAsync(int replica = 0) => RunCommandAsync(Processors[replica], KnownResourceCommands.StartCommand, KnownResourceStates.Running);

    /// <summary>Stops a processor replica, as the dashboard's Stop does (its leases are handed back).</summary>
    public Task StopProcessorAsync(int replica = 0) => RunCommandAsync(Processors[replica], KnownResourceCommands.StopCommand, null);

    /// <summary>Takes a resource (an emulator) down, as the dashboard's Stop does.</summary>
    public Task StopAsync(string resource) => RunCommandAsync(resource, KnownResourceCommands.StopCommand, null);

    /// <summary>Brings a resource back, as the dashboard's Start does, and waits until it is healthy.</summary>
    public async Task StartAsync(string resource)
    {
        await RunCommandAsync(resource, KnownResourceCommands.StartCommand, null);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, TestContext.Current.CancellationToken).WaitAsync(CommandBound);
    }

    /// <summary>Waits until what the dashboard shows of a resource (an alarm's state and properties) satisfies <paramref name="until"/>, and returns it.</summary>
    public async Task<CustomResourceSnapshot> WaitForResourceAsync(string resource, Func<CustomResourceSnapshot, bool> until, TimeSpan bound)
    {
        try
        {
            var update = await _app.ResourceNotifications.WaitForResourceAsync(resource, e => until(e.Snapshot), TestContext.Current.CancellationToken)
                .WaitAsync(bound);
            return update.Snapshot;
        }
        catch (TimeoutException)
        {
            _app.ResourceNotifications.TryGetCurrentState(resource, out var last);
            var properties = last is null ? "" : string.Join("; ", last.Snapshot.Properties.Select(p => $"{p.Name}={p.Value}"));
            throw new TimeoutException($"{resource} did not reach the expected state within {bound.TotalSeconds:0} s; it shows {last?.Snapshot.State?.Text} ({properties})");
        }
    }

    /// <summary>Waits until a line of a resource's console log (as the dashboard shows it) contains every one of <paramref name="texts"/>; returns the line.</summary>
    public async Task<string> WaitForLogLineAsync(string resource, TimeSpan bound, params string[] texts)
    {
        Assert.True(_app.ResourceNotifications.TryGetCurrentState(resource, out var current), $"{resource} has a state");
        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(bound);
        try
        {
            await foreach (var batch in logs.WatchAsync(current!.ResourceId).WithCancellation(deadline.Token))
            {
                // LogLine is a struct: FirstOrDefault of a batch without the line is a default line (null content), not null.
                if (batch.Select(line => line.Content).FirstOrDefault(content => texts.All(t => content.Contains(t, StringComparison.Ordinal))) is { } found)
                {
                    return found;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"No line of {resource}'s log within {bound.TotalSeconds:0} s has all of: {string.Join(" | ", texts)}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        S3.Dispose();
        _kinesisHttp.Dispose();
        _tokens.Dispose();
        _tokenHttp.Dispose();
        await _app.DisposeAsync();
    }

    private HttpClient Client(string resource)
    {
        var client = _app.CreateHttpClient(resource, "http");
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    private async Task RunCommandAsync(string resourceId, string command, string? untilState)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(resourceId, command, TestContext.Current.CancellationToken).WaitAsync(CommandBound);
        Assert.True(result.Success, $"{command} {resourceId}: {result.Message}");
        if (untilState is not null)
        {
            await _app.ResourceNotifications.WaitForResourceAsync("processor", e => e.ResourceId == resourceId && e.Snapshot.State?.Text == untilState, TestContext.Current.CancellationToken)
                .WaitAsync(CommandBound);
        }
    }

    // The orchestrator runs a project through a launcher; the service itself is the launcher's child.
    private System.Diagnostics.Process ServiceProcessOf(string resourceId)
    {
        Assert.True(_app.ResourceNotifications.TryGetCurrentState(resourceId, out var state), $"{resourceId} has a state");
        var pid = state!.Snapshot.ProcessId() ?? throw new InvalidOperationException($"{resourceId} has no process");
        var service = ProcessProbe.DescendantsOf(pid).Where(p => p.Value.Contains("Testbed.Processor", StringComparison.Ordinal) && !p.Value.Contains(" run ", StringComparison.Ordinal)).Select(p => p.Key).FirstOrDefault();
        return System.Diagnostics.Process.GetProcessById(service == 0 ? pid : service);
    }

    private static async Task<IReadOnlyList<string>> ReplicaIdsAsync(DistributedApplication app, string resource, int count, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name == resource && !ids.Contains(update.ResourceId))
            {
                ids.Add(update.ResourceId);
                if (ids.Count == count)
                {
                    break;
                }
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
