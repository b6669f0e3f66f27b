using Testbed.Infra.CloudFormation;
using Testbed.Infra.Definition;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>GET /alarms: one alarm, its definition and its current state.</summary>
/// <param name="Name">The alarm's name in the definition.</param>
/// <param name="Service">The service whose calls it watches.</param>
/// <param name="State">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="Reason">Why it is in that state, with the latest datapoints and the threshold.</param>
/// <param name="Since">When it entered that state.</param>
/// <param name="Description">What the alarm means.</param>
/// <param name="Metric">What it measures, in words.</param>
/// <param name="Comparison">CloudWatch's ComparisonOperator.</param>
/// <param name="Threshold">The threshold, in the measure's unit.</param>
/// <param name="PeriodSeconds">The definition's period (CloudWatch's).</param>
/// <param name="EvaluatedEverySeconds">The period the service evaluates locally (Alarms:Period; the definition's unless shortened).</param>
/// <param name="EvaluationPeriods">How many periods are evaluated together.</param>
/// <param name="TreatMissingData">CloudWatch's TreatMissingData: missing, notBreaching, breaching or ignore.</param>
/// <param name="Transitions">The latest changes of state, newest last.</param>
public sealed record AlarmStatus(
    string Name,
    string Service,
    AlarmState State,
    string Reason,
    DateTimeOffset Since,
    string Description,
    string Metric,
    string Comparison,
    double Threshold,
    double PeriodSeconds,
    double EvaluatedEverySeconds,
    int EvaluationPeriods,
    string TreatMissingData,
    IReadOnlyList<AlarmTransition> Transitions)
{
    /// <summary>The status of <paramref name="alarm"/> in <paramref name="state"/>.</summary>
    public static AlarmStatus Of(AlarmDefinition alarm, TimeSpan localPeriod, AlarmState state, string reason, DateTimeOffset since, IReadOnlyList<AlarmTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return new AlarmStatus(
            alarm.Name,
            alarm.Service,
            state,
            reason,
            since,
            alarm.Description,
            alarm.Metric.Describe(),
            alarm.Comparison.ToString(),
            alarm.Threshold,
            alarm.Period.TotalSeconds,
            localPeriod.TotalSeconds,
            alarm.EvaluationPeriods,
            CloudWatchAlarms.TreatMissingData(alarm.MissingData),
            transitions);
    }
}
