namespace Testbed.AppHost.Hosting;

/// <summary>Where a resource is in its life, as the dashboard shows it.</summary>
public enum ResourceState
{
    /// <summary>Declared; waits for the resources before it.</summary>
    Waiting,

    /// <summary>Being started; not ready yet.</summary>
    Starting,

    /// <summary>Up (and healthy, for a service).</summary>
    Running,

    /// <summary>Exited unexpectedly; the AppHost starts it again after a pause.</summary>
    Restarting,

    /// <summary>Stopped on request (from the dashboard) or at shutdown.</summary>
    Stopped,

    /// <summary>A one-shot resource that did its work.</summary>
    Finished,

    /// <summary>Could not start or do its work.</summary>
    Failed,
}
