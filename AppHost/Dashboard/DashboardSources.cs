using Testbed.AppHost.Hosting;

namespace Testbed.AppHost.Dashboard;

/// <summary>What the dashboard shows: the declared resources, their logs, where the pipeline status is read, and the AppHost's stop signal for work it starts.</summary>
/// <param name="Resources">The declared resources, in start order.</param>
/// <param name="Logs">Their console lines.</param>
/// <param name="PipelineStatus">The Api's pipeline status URL once the Api runs, else null.</param>
/// <param name="Telemetry">Where the services export (the dashboard, or an external collector).</param>
/// <param name="Stopping">Cancelled when the AppHost shuts down.</param>
public sealed record DashboardSources(
    IReadOnlyList<IResource> Resources,
    LogBook Logs,
    Func<Uri?> PipelineStatus,
    TelemetryTarget Telemetry,
    CancellationToken Stopping);
