using Amazon.DynamoDBv2;
using Amazon.S3;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis;
using Testbed.Emulators;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;
using Testcontainers.LocalStack;

namespace Testbed.Testing;

/// <summary>
/// The AWS environment of a test assembly: where a Docker engine answers, Testbed's LocalStack-compatible image in a
/// container (Testcontainers.LocalStack); elsewhere the embedded emulators, said once in the output. Clients are built
/// the way the services build them.
/// </summary>
public sealed class AwsEnvironmentFixture : IAsyncLifetime
{
    /// <summary>The label every container of these fixtures carries, with the test process's id as its value.</summary>
    public const string OwnerLabel = "testbed.test-process";

    private readonly HttpClient _http = new();
    private EmulatorHost? _host;
    private LocalStackContainer? _container;

    /// <summary>Where each service answers (one edge URL for all three in a container).</summary>
    public EmulatorEndpoints Endpoints { get; private set; } = null!;

    /// <summary>Whether the environment is a container (one LocalStack-style edge) rather than the embedded emulators.</summary>
    public bool InContainer => _container is not null;

    /// <summary>"container testbed/emulators:…" or "embedded emulators".</summary>
    public string Description { get; private set; } = "";

    /// <summary>The client factory for the environment.</summary>
    public AwsClientFactory Clients { get; private set; } = null!;

    /// <summary>A Kinesis client on the fixture's HttpClient.</summary>
    public IKinesisClient Kinesis { get; private set; } = null!;

    /// <summary>A DynamoDB client.</summary>
    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    /// <summary>An S3 client.</summary>
    public IAmazonS3 S3 { get; private set; } = null!;

    /// <summary>A fresh set of the pipeline's resources, named for the purpose, created and active.</summary>
    public async Task<PipelineResources> ProvisionAsync(string purpose, int shards = 2)
    {
        var resources = PipelineResources.Create(UniqueName.For(purpose), shards);
        await new PipelineProvisioner(Kinesis, DynamoDb, S3).ProvisionAsync(resources).WaitAsync(TimeSpan.FromMinutes(1));
        return resources;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        AwsOptions options;
        if (await EmulatorImage.EngineAnswersAsync(bound.Token))
        {
            options = await StartContainerAsync(bound.Token);
        }
        else
        {
            Say("No Docker engine answers: these tests run against the embedded emulators (start dockerd to run them against the LocalStack-compatible container).");
            _host = await EmulatorHost.StartAsync(new EmulatorHostOptions { StartTimeout = TimeSpan.FromSeconds(60) }, bound.Token);
            Endpoints = _host.Endpoints;
            Description = "embedded emulators";
            options = Endpoints.ToAwsOptions();
        }

        Clients = AwsClientFactory.For(options);
        Kinesis = Clients.CreateKinesis(_http);
        DynamoDb = Clients.CreateDynamoDb();
        S3 = Clients.CreateS3();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DynamoDb?.Dispose();
        S3?.Dispose();
        _http.Dispose();
        if (_container is not null)
        {
            var id = _container.Id[..12];
            await _container.DisposeAsync();
            Say($"Removed the container {id}.");
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<AwsOptions> StartContainerAsync(CancellationToken cancellationToken)
    {
        // This engine (dockerd 20.10) speaks API 1.41, and no registry serves the reaper image: containers are removed here.
        Environment.SetEnvironmentVariable("DOCKER_API_VERSION", Environment.GetEnvironmentVariable("DOCKER_API_VERSION") ?? "1.41");
        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        // Servers of tests listen on loopback only: the edge port is published on 127.0.0.1, and reached there.
        Environment.SetEnvironmentVariable("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
        await LeftoverContainers.RemoveAsync(OwnerLabel, cancellationToken);

        var image = await EmulatorImage.EnsureBuiltAsync(null, cancellationToken);
        _container = new LocalStackBuilder(image)
            .WithLabel(OwnerLabel, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithCreateParameterModifier(create =>
            {
                foreach (var binding in (create.HostConfig?.PortBindings?.Values ?? []).SelectMany(b => b))
                {
                    binding.HostIP = "127.0.0.1";
                }
            })
            .Build();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await _container.StartAsync(cancellationToken);
        var edge = new Uri(_container.GetConnectionString());
        Endpoints = new EmulatorEndpoints(edge, edge, edge);
        Description = $"container {image}";
        Say($"Started the container {_container.Id[..12]} ({image}) at {edge} in {watch.Elapsed.TotalSeconds:0.0} s.");
        return new AwsOptions { Region = "us-east-1", ServiceUrl = edge, AccessKeyId = "test", SecretAccessKey = "test" };
    }

    private static void Say(string message)
    {
        TestContext.Current.SendDiagnosticMessage($"[aws] {message}");
        Console.Error.WriteLine($"[aws] {message}");
    }
}
