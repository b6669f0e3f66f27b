namespace Testbed.AppHost.Hosting;

/// <summary>A resource whose rows the dashboard can stop and start one by one.</summary>
public interface IControllableResource : IResource
{
    /// <summary>Whether one of its rows has this name.</summary>
    bool Owns(string row);

    /// <summary>Stops the row and keeps it stopped (no restart) until <see cref="StartRowAsync"/>.</summary>
    Task StopRowAsync(string row);

    /// <summary>Starts a stopped row again, on its previous endpoint; returns once it is healthy.</summary>
    Task StartRowAsync(string row, CancellationToken cancellationToken);
}
