using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Testbed.Infra.CloudFormation;
using Testbed.Infra.Definition;

namespace Testbed.AppHost.Alarms;

/// <summary>Shows a service's API call alarms in the dashboard, one resource each under the service, their state polled from its GET /alarms.</summary>
public static class AlarmResourceExtensions
{
    /// <summary>The local evaluation period when Alarms:Period is not set: short enough to see a change within seconds.</summary>
    public const string DefaultLocalPeriod = "00:00:10";

    /// <summary>The dashboard's resource type of an alarm.</summary>
    public const string ResourceType = "Alarm";

    /// <summary>An alarm's resource name: alarm-ingestion-5xx for the alarm ingestion-5xx.</summary>
    public static string ResourceName(AlarmDefinition alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return "alarm-" + alarm.Name;
    }

    /// <summary>Gives the service the local period (Alarms__Period, default 10 s) and adds a child resource per alarm of the definition that watches it.</summary>
    public static IResourceBuilder<ProjectResource> WithAlarms(this IResourceBuilder<ProjectResource> service, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(configuration);
        var period = configuration["Alarms:Period"];
        service.WithEnvironment("Alarms__Period", string.IsNullOrWhiteSpace(period) ? DefaultLocalPeriod : period);
        var builder = service.ApplicationBuilder;
        foreach (var alarm in ApiCallAlarms.Of(service.Resource.Name))
        {
            builder.AddResource(new AlarmResource(ResourceName(alarm), alarm, service.Resource))
                .WithInitialState(new CustomResourceSnapshot
                {
                    ResourceType = ResourceType,
                    State = new ResourceStateSnapshot(AlarmReport.InsufficientData, KnownResourceStateStyles.Info),
                    Properties = Properties(alarm, $"{service.Resource.Name} has not reported it yet.", since: null),
                })
                .WithParentRelationship(service)
                .ExcludeFromManifest();
        }

        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AlarmPoller>());
        }

        return service;
    }

    /// <summary>What the dashboard shows of an alarm: its definition, the reason of its state and since when.</summary>
    public static ImmutableArray<ResourcePropertySnapshot> Properties(AlarmDefinition alarm, string reason, DateTimeOffset? since)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var threshold = alarm.Threshold.ToString(CultureInfo.InvariantCulture);
        return
        [
            Property("alarm.reason", "Reason", reason),
            Property("alarm.since", "Since", since?.ToString("O", CultureInfo.InvariantCulture) ?? ""),
            Property("alarm.metric", "Metric", alarm.Metric.Describe()),
            Property("alarm.condition", "Condition", $"{alarm.Comparison} {threshold} in {alarm.EvaluationPeriods} of {alarm.EvaluationPeriods} periods"),
            Property("alarm.period", "Period (CloudWatch)", $"{alarm.Period.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"),
            Property("alarm.missing-data", "Missing data", CloudWatchAlarms.TreatMissingData(alarm.MissingData)),
            Property("alarm.description", "Description", alarm.Description),
        ];
    }

    private static ResourcePropertySnapshot Property(string name, string displayName, string value) =>
        new(name, value) { DisplayName = displayName, IsHighlighted = true };
}
