namespace Testbed.ServiceDefaults.Alarms;

/// <summary>The outcome of one evaluation: the state the alarm should be in and why.</summary>
/// <param name="State">The state.</param>
/// <param name="Reason">Why, with the datapoints and the threshold, as CloudWatch's StateReason says it.</param>
public sealed record AlarmVerdict(AlarmState State, string Reason);
