using Testbed.Infra.Definition;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>A pipeline of its own for one test class: its own resource prefix on the shared emulators, and the services as processes.</summary>
public sealed class PipelineStack : IAsyncDisposable
{
    private readonly List<ServiceProcess> _services = [];

    private PipelineStack(EmulatorsFixture emulators, PipelineResources resources)
    {
        Emulators = emulators;
        Resources = resources;
    }

    /// <summary>The shared emulators.</summary>
    public EmulatorsFixture Emulators { get; }

    /// <summary>This stack's stream, bucket and tables.</summary>
    public PipelineResources Resources { get; }

    /// <summary>Provisions a fresh set of resources.</summary>
    public static async Task<PipelineStack> CreateAsync(EmulatorsFixture emulators, string purpose, int shards = 2)
    {
        return new PipelineStack(emulators, await emulators.ProvisionAsync(purpose, shards));
    }

    /// <summary>The environment the AppHost would give a service for this stack.</summary>
    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>(Emulators.Host.Endpoints.ToEnvironment())
        {
            ["Pipeline__Prefix"] = Resources.Prefix,
            ["Pipeline__ShardCount"] = Resources.Stream.ShardCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>Lease timing and polling fast enough for tests: a dead processor's shards move within seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastProcessor = new Dictionary<string, string>
    {
        ["Processor__PollInterval"] = "00:00:00.020",
        ["Processor__LeaseTimeout"] = "00:00:03",
        ["Processor__LeaseRenewInterval"] = "00:00:00.500",
    };

    /// <summary>Starts a processor instance for this stack.</summary>
    public Task<ServiceProcess> StartProcessorAsync(string? workerId = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>(FastProcessor);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        if (workerId is not null)
        {
            env["Processor__WorkerId"] = workerId;
        }

        return StartAsync("processor", "services/Processor", "Testbed.Processor", env);
    }

    /// <summary>Starts the Api for this stack.</summary>
    public Task<ServiceProcess> StartApiAsync() => StartAsync("api", "services/Api", "Testbed.Api", null);

    /// <summary>Starts the ingestion service for this stack.</summary>
    public Task<ServiceProcess> StartIngestionAsync(IReadOnlyDictionary<string, string>? extra = null) =>
        StartAsync("ingestion", "services/Ingestion", "Testbed.Ingestion", extra);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();

            // Kept with the test's result, so a failure on CI comes with what each service said.
            var tail = service.Process.Output.Split('\n').TakeLast(200);
            TestContext.Current.TestOutputHelper?.WriteLine($"--- {service.Name} (last 200 lines) ---\n{string.Join('\n', tail)}");
        }
    }

    private async Task<ServiceProcess> StartAsync(string name, string folder, string assembly, IReadOnlyDictionary<string, string>? extra)
    {
        var service = await ServiceProcess.StartAsync(name, BuiltAssembly.Of(folder, assembly), Environment(extra));
        _services.Add(service);
        return service;
    }
}
