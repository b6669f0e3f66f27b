using Testbed.Infra.Definition;

namespace Testbed.AppHost.Alarms;

/// <summary>One API call alarm in the dashboard: its state is the alarm's state as the watched service reports it.</summary>
/// <param name="name">The resource name, alarm-&lt;alarm name&gt;.</param>
/// <param name="alarm">The alarm's definition.</param>
/// <param name="service">The service that evaluates it and serves it at GET /alarms.</param>
public sealed class AlarmResource(string name, AlarmDefinition alarm, ProjectResource service) : Resource(name)
{
    /// <summary>The alarm's definition.</summary>
    public AlarmDefinition Alarm { get; } = alarm;

    /// <summary>The service that evaluates it.</summary>
    public ProjectResource Service { get; } = service;
}
