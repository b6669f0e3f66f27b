using System.Globalization;
using System.Text.Json.Nodes;
using Testbed.Infra.Definition;

namespace Testbed.Infra.CloudFormation;

/// <summary>
/// Renders the API call alarms as AWS::CloudWatch::Alarm resources over the metric the ADOT collector publishes from the services'
/// OpenTelemetry metrics: http.server.request.duration in the NamePrefix namespace with the dimensions service.name, http.route,
/// http.request.method and http.response.status_code (see the README's Alarms section for the collector's side).
/// </summary>
public static class CloudWatchAlarms
{
    /// <summary>The CloudFormation resource type.</summary>
    public const string Type = "AWS::CloudWatch::Alarm";

    /// <summary>The dimension that names the service (the OpenTelemetry resource attribute service.name).</summary>
    public const string ServiceDimension = "service.name";

    /// <summary>The dimension of the response status.</summary>
    public const string StatusDimension = "http.response.status_code";

    /// <summary>The dimension of the request method.</summary>
    public const string MethodDimension = "http.request.method";

    /// <summary>The dimension of the matched route template.</summary>
    public const string RouteDimension = "http.route";

    /// <summary>
    /// The 5xx statuses the share counts on AWS. CloudWatch matches dimension values exactly, so the share adds these up in
    /// metric math; they are the ones the services and a load balancer in front of them answer.
    /// </summary>
    public static readonly IReadOnlyList<int> ServerErrorStatuses = [500, 502, 503, 504];

    /// <summary>Adds one alarm resource per definition to the template's resources.</summary>
    public static void AddTo(JsonObject templateResources, PipelineResources resources)
    {
        ArgumentNullException.ThrowIfNull(templateResources);
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var alarm in resources.Alarms)
        {
            templateResources[LogicalId(alarm)] = Alarm(alarm);
        }
    }

    /// <summary>The alarm's logical id in the template: "ingestion-5xx" is Ingestion5xxAlarm.</summary>
    public static string LogicalId(AlarmDefinition alarm) =>
        string.Concat(alarm.Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Alarm";

    /// <summary>CloudWatch's TreatMissingData value.</summary>
    public static string TreatMissingData(MissingData missing) => missing switch
    {
        MissingData.NotBreaching => "notBreaching",
        MissingData.Breaching => "breaching",
        MissingData.Ignore => "ignore",
        _ => "missing",
    };

    private static JsonObject Alarm(AlarmDefinition alarm)
    {
        var properties = new JsonObject
        {
            ["AlarmName"] = new JsonObject { ["Fn::Sub"] = $"${{{CloudFormationTemplate.PrefixParameter}}}-{alarm.Name}" },
            ["AlarmDescription"] = alarm.Description,
            ["ComparisonOperator"] = alarm.Comparison.ToString(),
            ["Threshold"] = alarm.Threshold,
            ["EvaluationPeriods"] = alarm.EvaluationPeriods,
            ["DatapointsToAlarm"] = alarm.EvaluationPeriods,
            ["TreatMissingData"] = TreatMissingData(alarm.MissingData),
        };
        var period = (int)alarm.Period.TotalSeconds;
        switch (alarm.Metric.Measure)
        {
            case AlarmMeasure.ServerErrorPercent:
                properties["Metrics"] = ServerErrorShare(alarm, period);
                break;
            case AlarmMeasure.CallCount:
                AddSingleMetric(properties, alarm, period);
                properties["Statistic"] = "SampleCount";
                break;
            default:
                AddSingleMetric(properties, alarm, period);
                properties["ExtendedStatistic"] = "p99";
                break;
        }

        return new JsonObject { ["Type"] = Type, ["Properties"] = properties };
    }

    private static void AddSingleMetric(JsonObject properties, AlarmDefinition alarm, int period)
    {
        properties["Namespace"] = Namespace();
        properties["MetricName"] = AlarmMetric.Instrument;
        properties["Dimensions"] = Dimensions(alarm, status: null);
        properties["Period"] = period;
    }

    // Calls answered 5xx over all calls, in percent: one SampleCount per 5xx status (missing when none was answered) and the total.
    private static JsonArray ServerErrorShare(AlarmDefinition alarm, int period)
    {
        var metrics = new JsonArray();
        foreach (var status in ServerErrorStatuses)
        {
            metrics.Add(MetricQuery($"e{status}", alarm, status, period));
        }

        metrics.Add(MetricQuery("total", alarm, status: null, period));
        var errors = string.Join(" + ", ServerErrorStatuses.Select(s => $"FILL(e{s}, 0)"));
        metrics.Add(new JsonObject
        {
            ["Id"] = "share",
            ["Expression"] = $"100 * ({errors}) / total",
            ["Label"] = $"5xx share of {alarm.Service} calls (%)",
            ["ReturnData"] = true,
        });
        return metrics;
    }

    private static JsonObject MetricQuery(string id, AlarmDefinition alarm, int? status, int period) => new()
    {
        ["Id"] = id,
        ["MetricStat"] = new JsonObject
        {
            ["Metric"] = new JsonObject
            {
                ["Namespace"] = Namespace(),
                ["MetricName"] = AlarmMetric.Instrument,
                ["Dimensions"] = Dimensions(alarm, status),
            },
            ["Period"] = period,
            ["Stat"] = "SampleCount",
        },
        ["ReturnData"] = false,
    };

    private static JsonArray Dimensions(AlarmDefinition alarm, int? status)
    {
        var dimensions = new JsonArray(Dimension(ServiceDimension, alarm.Service));
        if (alarm.Metric.Method is { } method)
        {
            dimensions.Add(Dimension(MethodDimension, method));
        }

        if (alarm.Metric.Route is { } route)
        {
            dimensions.Add(Dimension(RouteDimension, route));
        }

        if (status is { } code)
        {
            dimensions.Add(Dimension(StatusDimension, code.ToString(CultureInfo.InvariantCulture)));
        }

        return dimensions;
    }

    private static JsonObject Dimension(string name, string value) => new() { ["Name"] = name, ["Value"] = value };

    // One namespace per deployment, so two stacks with different prefixes in one account keep their metrics apart.
    private static JsonObject Namespace() => new() { ["Ref"] = CloudFormationTemplate.PrefixParameter };
}
