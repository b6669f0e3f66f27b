using System.Text.Json;
using Testbed.Infra.CloudFormation;
using Testbed.Infra.Definition;

namespace Testbed.Infra.Tests;

/// <summary>Keeps the committed template's CloudWatch alarms in step with the one definition of the API call alarms.</summary>
public sealed class CloudWatchAlarmTemplateTests
{
    private static readonly PipelineResources Definition = PipelineResources.Create();

    [Fact]
    public void The_committed_template_declares_exactly_the_defined_alarms()
    {
        var alarms = CommittedAlarms();

        Assert.Equal(Definition.Alarms.Select(a => a.Name).Order(), alarms.Keys.Order());
        foreach (var alarm in Definition.Alarms)
        {
            var declared = alarms[alarm.Name];
            Assert.Equal(alarm.Threshold, declared.GetProperty("Threshold").GetDouble());
            Assert.Equal(alarm.Comparison.ToString(), declared.GetProperty("ComparisonOperator").GetString());
            Assert.Equal(alarm.EvaluationPeriods, declared.GetProperty("EvaluationPeriods").GetInt32());
            Assert.Equal(alarm.EvaluationPeriods, declared.GetProperty("DatapointsToAlarm").GetInt32());
            Assert.Equal(CloudWatchAlarms.TreatMissingData(alarm.MissingData), declared.GetProperty("TreatMissingData").GetString());
            Assert.Equal(alarm.Description, declared.GetProperty("AlarmDescription").GetString());
        }
    }

    [Fact]
    public void A_5xx_share_is_metric_math_over_the_service_calls_returning_one_series()
    {
        var alarm = Assert.Single(Definition.Alarms, a => a.Name == "ingestion-5xx");
        var declared = CommittedAlarms()[alarm.Name];

        var metrics = declared.GetProperty("Metrics").EnumerateArray().ToList();
        var returned = Assert.Single(metrics, m => m.GetProperty("ReturnData").GetBoolean());
        var inputs = metrics.Where(m => m.TryGetProperty("MetricStat", out _)).ToDictionary(m => m.GetProperty("Id").GetString()!, m => m.GetProperty("MetricStat"));
        var expression = returned.GetProperty("Expression").GetString()!;

        Assert.False(declared.TryGetProperty("MetricName", out _), "a metric-math alarm names no single metric");
        Assert.Equal(["e500", "e502", "e503", "e504", "total"], inputs.Keys.Order());
        Assert.All(inputs.Keys, id => Assert.Contains(id, expression, StringComparison.Ordinal));
        foreach (var (id, stat) in inputs)
        {
            Assert.Equal("SampleCount", stat.GetProperty("Stat").GetString());
            Assert.Equal((int)alarm.Period.TotalSeconds, stat.GetProperty("Period").GetInt32());
            Assert.Equal(AlarmMetric.Instrument, stat.GetProperty("Metric").GetProperty("MetricName").GetString());
            var dimensions = Dimensions(stat.GetProperty("Metric"));
            Assert.Equal(alarm.Service, dimensions[CloudWatchAlarms.ServiceDimension]);
            Assert.Equal(id == "total" ? null : id[1..], dimensions.GetValueOrDefault(CloudWatchAlarms.StatusDimension));
        }
    }

    [Fact]
    public void Call_counts_and_p99_latency_are_single_metric_alarms_on_the_request_duration()
    {
        var alarms = CommittedAlarms();
        foreach (var alarm in Definition.Alarms.Where(a => a.Metric.Measure != AlarmMeasure.ServerErrorPercent))
        {
            var declared = alarms[alarm.Name];
            Assert.Equal(AlarmMetric.Instrument, declared.GetProperty("MetricName").GetString());
            Assert.Equal(CloudFormationTemplate.PrefixParameter, declared.GetProperty("Namespace").GetProperty("Ref").GetString());
            Assert.Equal((int)alarm.Period.TotalSeconds, declared.GetProperty("Period").GetInt32());
            var dimensions = Dimensions(declared);
            Assert.Equal(alarm.Service, dimensions[CloudWatchAlarms.ServiceDimension]);
            Assert.Equal(alarm.Metric.Method, dimensions.GetValueOrDefault(CloudWatchAlarms.MethodDimension));
            Assert.Equal(alarm.Metric.Route, dimensions.GetValueOrDefault(CloudWatchAlarms.RouteDimension));
            if (alarm.Metric.Measure == AlarmMeasure.CallCount)
            {
                Assert.Equal("SampleCount", declared.GetProperty("Statistic").GetString());
            }
            else
            {
                Assert.Equal("p99", declared.GetProperty("ExtendedStatistic").GetString());
            }
        }
    }

    [Fact]
    public void Alarm_names_follow_the_prefix_parameter()
    {
        var alarms = CommittedAlarms();

        Assert.All(Definition.Alarms, alarm => Assert.Equal(
            $"${{{CloudFormationTemplate.PrefixParameter}}}-{alarm.Name}",
            alarms[alarm.Name].GetProperty("AlarmName").GetProperty("Fn::Sub").GetString()));
    }

    // By the name in the definition: the AlarmName without its ${NamePrefix}- start.
    private static Dictionary<string, JsonElement> CommittedAlarms()
    {
        var path = Path.Combine(Testbed.Emulators.RepositoryRoot.Find(), CloudFormationTemplate.RepositoryPath);
        using var template = JsonDocument.Parse(File.ReadAllText(path));
        var start = $"${{{CloudFormationTemplate.PrefixParameter}}}-";
        return template.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == CloudWatchAlarms.Type)
            .Select(r => r.Value.GetProperty("Properties").Clone())
            .ToDictionary(p => p.GetProperty("AlarmName").GetProperty("Fn::Sub").GetString()![start.Length..]);
    }

    private static Dictionary<string, string> Dimensions(JsonElement metric) =>
        metric.GetProperty("Dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("Name").GetString()!, d => d.GetProperty("Value").GetString()!);
}
