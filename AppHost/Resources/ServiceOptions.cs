using Testbed.AppHost.Hosting;

namespace Testbed.AppHost.Resources;

/// <summary>How a service is run: replicas, port, where it sends telemetry, and settings of its own.</summary>
public sealed record ServiceOptions
{
    /// <summary>Processes that run side by side.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The first replica's port (the next ones count up from it); 0 picks free ones.</summary>
    public int Port { get; init; }

    /// <summary>The configuration key the port came from, named when the port is taken.</summary>
    public string PortSetting { get; init; } = string.Empty;

    /// <summary>Where the service exports traces, metrics and logs.</summary>
    public required TelemetryTarget Telemetry { get; init; }

    /// <summary>Extra environment variables for this service alone.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
