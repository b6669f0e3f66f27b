using System.Globalization;
using Testbed.AppHost.Hosting;
using Testbed.Infra.Definition;

namespace Testbed.AppHost.Resources;

/// <summary>One of the pipeline's services, run from its build output as child processes (one per replica) with the AWS, pipeline and OTLP settings as environment variables.</summary>
public sealed class ServiceResource(
    string name,
    string projectFolder,
    AwsResource aws,
    PipelineResources pipeline,
    ServiceOptions options) : IControllableResource
{
    private readonly List<ServiceSlot> _slots = [];

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The running instances.</summary>
    public IReadOnlyList<ServiceInstance> Instances => [.. _slots.Select(s => s.Instance).OfType<ServiceInstance>()];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var assembly = ServiceAssembly.Locate(projectFolder);
        for (var slot = 0; slot < options.Replicas; slot++)
        {
            var label = options.Replicas == 1 ? Name : $"{Name}-{slot + 1}";
            _slots.Add(new ServiceSlot(label, port => ServiceInstance.Start(label, assembly, Environment(label, port))));
        }

        var ports = _slots.Select((_, slot) => options.Port == 0 ? 0 : options.Port + slot).ToList();
        foreach (var port in ports.Where(p => p != 0))
        {
            PortCheck.EnsureFree(port, options.PortSetting);
        }

        await Task.WhenAll(_slots.Select((s, i) => s.StartAsync(ports[i], cancellationToken))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IEnumerable<string> Describe() => Instances.Select(i => $"{i.Url} (pid {i.ProcessId})");

    /// <inheritdoc />
    public IEnumerable<ResourceSnapshot> Snapshot()
    {
        if (_slots.Count == 0)
        {
            yield return new ResourceSnapshot(Name, Name, "service", ResourceState.Waiting, null, []);
            yield break;
        }

        foreach (var slot in _slots.ToList())
        {
            var state = slot.State;
            var instance = slot.Instance;
            var alive = state is ResourceState.Running or ResourceState.Starting;
            yield return new ResourceSnapshot(
                slot.Label,
                Name,
                "service",
                state,
                alive ? instance?.ProcessId : null,
                instance?.Url is { } url ? [url.ToString()] : [],
                slot.Health,
                slot.Restarts,
                CanStop: state is ResourceState.Running or ResourceState.Restarting,
                CanStart: state is ResourceState.Stopped);
        }
    }

    /// <inheritdoc />
    public bool Owns(string row) => _slots.Any(s => s.Label == row);

    /// <inheritdoc />
    public Task StopRowAsync(string row) => _slots.Single(s => s.Label == row).PauseAsync();

    /// <inheritdoc />
    public Task StartRowAsync(string row, CancellationToken cancellationToken) => _slots.Single(s => s.Label == row).ResumeAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask StopAsync() => await Task.WhenAll(_slots.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);

    private Dictionary<string, string> Environment(string label, int port)
    {
        var awsOptions = aws.Options;
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={label}",
            ["TESTBED_EXIT_WITH_PARENT"] = "1",
            ["Aws__Mode"] = awsOptions.Mode.ToString(),
            ["Aws__Region"] = awsOptions.Region,
            ["Pipeline__Prefix"] = pipeline.Prefix,
            ["Pipeline__ShardCount"] = pipeline.Stream.ShardCount.ToString(CultureInfo.InvariantCulture),
        };
        Add(env, "Aws__KinesisServiceUrl", awsOptions.KinesisServiceUrl);
        Add(env, "Aws__DynamoDbServiceUrl", awsOptions.DynamoDbServiceUrl);
        Add(env, "Aws__S3ServiceUrl", awsOptions.S3ServiceUrl);
        Add(env, "Aws__ServiceUrl", awsOptions.ServiceUrl);
        Add(env, "Aws__Profile", awsOptions.Profile);
        foreach (var (key, value) in options.Telemetry.Environment())
        {
            env[key] = value;
        }

        foreach (var (key, value) in options.Settings)
        {
            env[key] = value;
        }

        return env;
    }

    private static void Add(Dictionary<string, string> env, string key, object? value)
    {
        if (value?.ToString() is { Length: > 0 } text)
        {
            env[key] = text;
        }
    }
}
