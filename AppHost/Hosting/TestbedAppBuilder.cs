using System.Globalization;
using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Resources;
using Testbed.Infra.Definition;

namespace Testbed.AppHost.Hosting;

/// <summary>Collects the resources of the local stack, like an Aspire distributed application builder.</summary>
public sealed class TestbedAppBuilder
{
    private readonly List<IResource> _resources = [];
    private Func<Uri?> _pipelineStatus = () => null;

    private TestbedAppBuilder(IConfiguration configuration) => Configuration = configuration;

    /// <summary>appsettings.json, then environment variables (Aws__Mode, …), then the command line (--Aws:Mode=…).</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Where every service sends its telemetry: the dashboard unless OTEL_EXPORTER_OTLP_ENDPOINT names another collector.</summary>
    public TelemetryTarget Telemetry { get; } = new();

    /// <summary>A builder whose configuration comes from appsettings.json, the environment and the command line.</summary>
    public static TestbedAppBuilder Create(string[] args) => new(new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build());

    /// <summary>Adds a resource; resources start in the order they are added.</summary>
    public T Add<T>(T resource)
        where T : IResource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is declared twice.");
        }

        _resources.Add(resource);
        return resource;
    }

    /// <summary>Adds a service run from its project's build output; its port comes from AppHost:Ports:&lt;Name&gt; (0 or missing: a free one).</summary>
    public ServiceResource AddService(string name, string projectFolder, AwsResource aws, PipelineResources pipeline, int replicas = 1, IReadOnlyDictionary<string, string>? settings = null)
    {
        var portSetting = "AppHost:Ports:" + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name);
        return Add(new ServiceResource(name, projectFolder, aws, pipeline, new ServiceOptions
        {
            Replicas = replicas,
            Port = Configuration.GetValue(portSetting, 0),
            PortSetting = portSetting,
            Telemetry = Telemetry,
            Settings = settings ?? new Dictionary<string, string>(),
        }));
    }

    /// <summary>The dashboard's pipeline panel reads this service's status document (its first instance).</summary>
    public void ShowPipelineStatusFrom(ServiceResource service, string path) =>
        _pipelineStatus = () => service.Instances.FirstOrDefault()?.Url is { } url ? new Uri(url, path) : null;

    /// <summary>The application with every resource declared so far.</summary>
    public TestbedApp Build() => new([.. _resources], Telemetry, _pipelineStatus, Configuration.GetValue("AppHost:Ports:Dashboard", 18888));
}
