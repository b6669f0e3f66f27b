namespace Testbed.AppHost.Hosting;

/// <summary>Something the AppHost starts, in declaration order, and stops in reverse order.</summary>
public interface IResource
{
    /// <summary>The resource's lower-case name, shown in every line about it.</summary>
    string Name { get; }

    /// <summary>Brings the resource up; returns once it is ready for the resources declared after it.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Lines that tell the user where the resource answers, for the start-up summary.</summary>
    IEnumerable<string> Describe();

    /// <summary>Its rows in the dashboard's resource list, now; callable at any time, from any thread.</summary>
    IEnumerable<ResourceSnapshot> Snapshot();

    /// <summary>Takes the resource down; must not throw.</summary>
    ValueTask StopAsync();
}
