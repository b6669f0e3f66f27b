using System.Globalization;
using System.Reflection;
using Testbed.AppHost.Hosting;
using Testbed.Infra.Definition;

namespace Testbed.AppHost.Resources;

/// <summary>One of the pipeline's services, run from its build output as child processes (one per replica) with the AWS and pipeline settings as environment variables; a replica that crashes is restarted on the same port with backoff.</summary>
public sealed class ServiceResource(
    string name,
    string projectFolder,
    AwsResource aws,
    PipelineResources pipeline,
    int replicas = 1,
    IReadOnlyDictionary<string, string>? settings = null) : IResource
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private readonly ServiceInstance?[] _instances = new ServiceInstance?[replicas];
    private CancellationTokenSource _stopping = new();
    private readonly List<Task> _supervisors = [];

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The running instances.</summary>
    public IReadOnlyList<ServiceInstance> Instances => [.. _instances.OfType<ServiceInstance>()];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The AppHost's own stop signal ends supervision at once: on Ctrl+C the services get SIGINT too and must not be restarted.
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var assembly = Locate(projectFolder);
        for (var slot = 0; slot < replicas; slot++)
        {
            _instances[slot] = ServiceInstance.Start(Label(slot), assembly, Environment(Label(slot), port: 0));
        }

        await Task.WhenAll(_instances.Select(i => i!.WaitUntilHealthyAsync(cancellationToken))).ConfigureAwait(false);
        for (var slot = 0; slot < replicas; slot++)
        {
            var supervised = slot;
            _supervisors.Add(Task.Run(() => SuperviseAsync(supervised, assembly, _stopping.Token), CancellationToken.None));
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> Describe() => Instances.Select(i => $"{i.Url} (pid {i.ProcessId})");

    /// <inheritdoc />
    public async ValueTask StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_supervisors).ConfigureAwait(false);
        await Task.WhenAll(Instances.Select(i => i.DisposeAsync().AsTask())).ConfigureAwait(false);
        _stopping.Dispose();
    }

    // Waits for the slot's process to exit; unless the AppHost is stopping, starts it again on the same port after a growing pause.
    private async Task SuperviseAsync(int slot, string assembly, CancellationToken stopping)
    {
        var backoff = FirstBackoff;
        var startedAt = DateTimeOffset.UtcNow;
        while (!stopping.IsCancellationRequested)
        {
            var instance = _instances[slot]!;
            int exitCode;
            try
            {
                exitCode = await instance.Exited.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (DateTimeOffset.UtcNow - startedAt > StableAfter)
            {
                backoff = FirstBackoff;
            }

            ConsoleLog.Write(instance.Label, $"exited with code {exitCode}; restarting in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, stopping).ConfigureAwait(false);
                var port = instance.Url?.Port ?? 0;
                await instance.DisposeAsync().ConfigureAwait(false);
                var fresh = ServiceInstance.Start(instance.Label, assembly, Environment(instance.Label, port));
                _instances[slot] = fresh;
                startedAt = DateTimeOffset.UtcNow;
                await fresh.WaitUntilHealthyAsync(stopping).ConfigureAwait(false);
                ConsoleLog.Write(fresh.Label, $"restarted at {fresh.Url} (pid {fresh.ProcessId})");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error) when (error is InvalidOperationException or TimeoutException)
            {
                ConsoleLog.Write(instance.Label, $"restart failed: {error.Message}");
            }

            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    private string Label(int slot) => replicas == 1 ? Name : $"{Name}-{slot + 1}";

    private Dictionary<string, string> Environment(string label, int port)
    {
        var options = aws.Options;
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={label}",
            ["TESTBED_EXIT_WITH_PARENT"] = "1",
            ["Aws__Mode"] = options.Mode.ToString(),
            ["Aws__Region"] = options.Region,
            ["Pipeline__Prefix"] = pipeline.Prefix,
            ["Pipeline__ShardCount"] = pipeline.Stream.ShardCount.ToString(CultureInfo.InvariantCulture),
        };
        Add(env, "Aws__KinesisServiceUrl", options.KinesisServiceUrl);
        Add(env, "Aws__DynamoDbServiceUrl", options.DynamoDbServiceUrl);
        Add(env, "Aws__S3ServiceUrl", options.S3ServiceUrl);
        Add(env, "Aws__ServiceUrl", options.ServiceUrl);
        Add(env, "Aws__Profile", options.Profile);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return env;
    }

    private static string Locate(string projectFolder)
    {
        var configuration = typeof(ServiceResource).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var assemblyName = "Testbed." + Path.GetFileName(projectFolder);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Testbed.sln")))
            {
                var path = Path.Combine(dir.FullName, projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"{path} is not built; `dotnet run --project AppHost` builds it.", path);
            }
        }

        throw new InvalidOperationException("The repository root (Testbed.sln) was not found above the AppHost.");
    }

    private static void Add(Dictionary<string, string> env, string key, object? value)
    {
        if (value?.ToString() is { Length: > 0 } text)
        {
            env[key] = text;
        }
    }
}
