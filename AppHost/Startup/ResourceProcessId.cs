using System.Globalization;

namespace Testbed.AppHost.Startup;

/// <summary>The process id the orchestrator reports for a running executable resource (for a project: its <c>dotnet run</c> launcher).</summary>
public static class ResourceProcessId
{
    // The orchestrator's snapshot property that holds it.
    private const string Property = "executable.pid";

    /// <summary>The process id in <paramref name="snapshot"/>, or null while the resource has no process.</summary>
    public static int? ProcessId(this CustomResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var value = snapshot.Properties.FirstOrDefault(p => p.Name == Property)?.Value;
        return int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }
}
