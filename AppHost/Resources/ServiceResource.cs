using System.Globalization;
using System.Reflection;
using Testbed.AppHost.Hosting;
using Testbed.Infra.Definition;

namespace Testbed.AppHost.Resources;

/// <summary>One of the pipeline's services, run from its build output as child processes (one per replica), with the AWS and pipeline settings as environment variables.</summary>
public sealed class ServiceResource(
    string name,
    string projectFolder,
    AwsResource aws,
    PipelineResources pipeline,
    int replicas = 1,
    IReadOnlyDictionary<string, string>? settings = null) : IResource
{
    private readonly List<ServiceInstance> _instances = [];

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The running instances.</summary>
    public IReadOnlyList<ServiceInstance> Instances => _instances;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var assembly = Locate(projectFolder);
        var starting = new List<ServiceInstance>();
        for (var replica = 0; replica < replicas; replica++)
        {
            var label = replicas == 1 ? Name : $"{Name}-{replica + 1}";
            var instance = ServiceInstance.Start(label, assembly, Environment(label));
            _instances.Add(instance);
            starting.Add(instance);
        }

        await Task.WhenAll(starting.Select(i => i.WaitUntilHealthyAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IEnumerable<string> Describe() => _instances.Select(i => $"{i.Url} (pid {i.ProcessId})");

    /// <inheritdoc />
    public async ValueTask StopAsync()
    {
        await Task.WhenAll(_instances.Select(i => i.DisposeAsync().AsTask())).ConfigureAwait(false);
        _instances.Clear();
    }

    private Dictionary<string, string> Environment(string label)
    {
        var options = aws.Options;
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
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
