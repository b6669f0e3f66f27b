using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Testbed.AppHost.Startup;

namespace Testbed.LoadTests.Stack;

/// <summary>The process id the orchestrator reports for each running instance of the stack's resources (each replica of a project apart).</summary>
internal sealed class ResourceProcesses : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Resource, int Pid)> _byInstance = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    private ResourceProcesses(ResourceNotificationService notifications) => _watch = WatchAsync(notifications, _stop.Token);

    /// <summary>Starts following the resources' states; call before the application starts so that no instance is missed.</summary>
    public static ResourceProcesses Follow(DistributedApplication app) => new(app.ResourceNotifications);

    /// <summary>The process ids of every instance of the named resources seen so far.</summary>
    public IReadOnlyList<int> Of(IReadOnlySet<string> resources) =>
        [.. _byInstance.Values.Where(i => resources.Contains(i.Resource)).Select(i => i.Pid).Distinct()];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _watch.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task WatchAsync(ResourceNotificationService notifications, CancellationToken stopping)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping).ConfigureAwait(false))
            {
                if (change.Snapshot.ProcessId() is { } pid)
                {
                    _byInstance[change.ResourceId] = (change.Resource.Name, pid);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
