namespace Testbed.ServiceDefaults.Alarms;

/// <summary>One change of an alarm's state.</summary>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">When the period that decided it was evaluated.</param>
/// <param name="Reason">Why, with the datapoints and the threshold.</param>
/// <param name="EvaluatedFrom">When the earliest of the periods that decided it began: its calls were made from then until <paramref name="At"/>.</param>
public sealed record AlarmTransition(AlarmState From, AlarmState To, DateTimeOffset At, string Reason, DateTimeOffset EvaluatedFrom);
