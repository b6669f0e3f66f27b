using Amazon.DynamoDBv2;
using Amazon.S3;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis;
using Testbed.Emulators;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;

namespace Testbed.Testing;

/// <summary>Starts the three emulators once per test assembly and hands out clients built the way the services build them.</summary>
public sealed class EmulatorsFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private EmulatorHost? _host;

    /// <summary>The running emulators.</summary>
    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulators are not started.");

    /// <summary>The client factory for the emulators (Embedded mode).</summary>
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
        _host = await EmulatorHost.StartAsync(new EmulatorHostOptions { StartTimeout = TimeSpan.FromSeconds(60) })
            .WaitAsync(TimeSpan.FromMinutes(6));
        Clients = new AwsClientFactory(AwsConnectionResolver.Resolve(_host.Endpoints.ToAwsOptions()));
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
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
