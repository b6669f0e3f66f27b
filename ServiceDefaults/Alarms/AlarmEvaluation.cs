using System.Globalization;
using Testbed.Infra.Definition;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>The pure part of an alarm: a period's calls to a datapoint, and the latest datapoints to a state, as CloudWatch decides it.</summary>
public static class AlarmEvaluation
{
    /// <summary>
    /// The period's datapoint in the measure's unit, or null (missing) when the period had no calls. A call count is scaled to
    /// the definition's period, so a threshold per minute holds when the local period is shorter.
    /// </summary>
    public static double? Datapoint(AlarmDefinition alarm, PeriodCalls calls, TimeSpan localPeriod)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Calls == 0)
        {
            return null;
        }

        return alarm.Metric.Measure switch
        {
            AlarmMeasure.ServerErrorPercent => 100.0 * calls.ServerErrors / calls.Calls,
            AlarmMeasure.CallCount => calls.Calls * (alarm.Period / localPeriod),
            _ => calls.Durations.Count == 0 ? null : Percentile99(calls.Durations),
        };
    }

    /// <summary>
    /// The state for the latest datapoints (oldest first, at most EvaluationPeriods of them): ALARM when every period that counts
    /// breaches, OK when one does not, and for periods without a datapoint what the alarm's MissingData says.
    /// </summary>
    public static AlarmVerdict Evaluate(AlarmDefinition alarm, IReadOnlyList<double?> datapoints, AlarmVerdict current)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(datapoints);
        ArgumentNullException.ThrowIfNull(current);
        var range = datapoints.TakeLast(alarm.EvaluationPeriods).ToList();
        var counted = range
            .Select(value => value is { } v ? (bool?)alarm.Breaches(v) : alarm.MissingData switch
            {
                MissingData.Breaching => true,
                MissingData.NotBreaching => false,
                _ => null,
            })
            .OfType<bool>()
            .ToList();
        var values = Values(range);
        if (counted.Count == 0)
        {
            return alarm.MissingData == MissingData.Ignore && current.State != AlarmState.InsufficientData
                ? current
                : new AlarmVerdict(AlarmState.InsufficientData, $"No datapoint in the last {Periods(range.Count)} (no calls): {alarm.Metric.Describe()} cannot be compared with {alarm.Threshold.ToString(CultureInfo.InvariantCulture)}.");
        }

        var comparison = Symbol(alarm.Comparison);
        var threshold = alarm.Threshold.ToString(CultureInfo.InvariantCulture);
        return counted.All(breaching => breaching)
            ? new AlarmVerdict(AlarmState.Alarm, $"Threshold crossed: {alarm.Metric.Describe()} was {values} in the last {Periods(range.Count)}, {comparison} {threshold}.")
            : new AlarmVerdict(AlarmState.Ok, $"Within the threshold: {alarm.Metric.Describe()} was {values} in the last {Periods(range.Count)}, not {comparison} {threshold}.");
    }

    /// <summary>The nearest-rank 99th percentile: the smallest value at least 99 % of the values are not above.</summary>
    public static double Percentile99(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1];
    }

    private static string Values(IEnumerable<double?> range) =>
        "[" + string.Join(", ", range.Select(v => v is { } value ? Math.Round(value, 3).ToString(CultureInfo.InvariantCulture) : "no calls")) + "]";

    private static string Periods(int count) => count == 1 ? "period" : $"{count} periods";

    private static string Symbol(AlarmComparison comparison) => comparison switch
    {
        AlarmComparison.GreaterThanThreshold => ">",
        AlarmComparison.GreaterThanOrEqualToThreshold => ">=",
        AlarmComparison.LessThanThreshold => "<",
        _ => "<=",
    };
}
