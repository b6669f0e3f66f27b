using Microsoft.Extensions.Configuration;

namespace Testbed.AppHost.Hosting;

/// <summary>Collects the resources of the local stack, like an Aspire distributed application builder.</summary>
public sealed class TestbedAppBuilder
{
    private readonly List<IResource> _resources = [];

    private TestbedAppBuilder(IConfiguration configuration) => Configuration = configuration;

    /// <summary>appsettings.json, then TESTBED_-less environment variables (Aws__Mode, …), then the command line (--Aws:Mode=…).</summary>
    public IConfiguration Configuration { get; }

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

    /// <summary>The application with every resource declared so far.</summary>
    public TestbedApp Build() => new([.. _resources]);
}
