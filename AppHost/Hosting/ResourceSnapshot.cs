namespace Testbed.AppHost.Hosting;

/// <summary>One row of the dashboard's resource list: a process, container or job, now.</summary>
/// <param name="Name">The row's name (processor-1, kinesis, …), also the name of its log.</param>
/// <param name="Resource">The declared resource it belongs to (processor, aws, …).</param>
/// <param name="Kind">service, emulator, container, job or cloud.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="ProcessId">Its process id, when it is a local process that runs.</param>
/// <param name="Endpoints">Where it answers.</param>
/// <param name="Health">Healthy or Unhealthy from its /health endpoint; null when it has none or does not run.</param>
/// <param name="Restarts">How often the AppHost restarted it after a crash.</param>
/// <param name="CanStop">Whether the dashboard may stop it now.</param>
/// <param name="CanStart">Whether the dashboard may start it now.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Resource,
    string Kind,
    ResourceState State,
    int? ProcessId,
    IReadOnlyList<string> Endpoints,
    string? Health = null,
    int Restarts = 0,
    bool CanStop = false,
    bool CanStart = false);
