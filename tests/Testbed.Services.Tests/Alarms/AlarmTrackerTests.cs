using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Services.Tests.Alarms;

/// <summary>An alarm's state over periods: INSUFFICIENT_DATA until evaluated, a transition (with its time) only when the state changes.</summary>
public sealed class AlarmTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_new_alarm_has_insufficient_data_since_it_started()
    {
        var tracker = new AlarmTracker(FiveXx(), Period, Start);

        Assert.Equal(AlarmState.InsufficientData, tracker.Status.State);
        Assert.Equal(Start, tracker.Status.Since);
        Assert.Equal(10, tracker.Status.EvaluatedEverySeconds);
        Assert.Equal(60, tracker.Status.PeriodSeconds);
        Assert.Empty(tracker.Status.Transitions);
    }

    [Fact]
    public void Failing_calls_turn_it_to_ALARM_and_good_calls_back_to_OK_each_change_once()
    {
        var tracker = new AlarmTracker(FiveXx(), Period, Start);

        var toOk = tracker.Close(new PeriodCalls(10, 0, []), Start + Period);
        var toAlarm = tracker.Close(new PeriodCalls(10, 5, []), Start + (2 * Period));
        var still = tracker.Close(new PeriodCalls(4, 4, []), Start + (3 * Period));
        var back = tracker.Close(new PeriodCalls(10, 0, []), Start + (4 * Period));

        Assert.Equal((AlarmState.InsufficientData, AlarmState.Ok, Start), (toOk!.From, toOk.To, toOk.EvaluatedFrom));
        Assert.Equal((AlarmState.Ok, AlarmState.Alarm, Start + Period), (toAlarm!.From, toAlarm.To, toAlarm.EvaluatedFrom));
        Assert.Null(still);
        Assert.Equal((AlarmState.Alarm, AlarmState.Ok, Start + (3 * Period)), (back!.From, back.To, back.EvaluatedFrom));
        Assert.Equal(AlarmState.Ok, tracker.Status.State);
        Assert.Equal(Start + (4 * Period), tracker.Status.Since);
        Assert.Equal([toOk, toAlarm, back], tracker.Status.Transitions);
    }

    [Fact]
    public void A_transition_decided_on_several_periods_says_when_the_earliest_began()
    {
        var tracker = new AlarmTracker(FiveXx() with { EvaluationPeriods = 3 }, Period, Start);
        tracker.Close(new PeriodCalls(10, 0, []), Start + Period);
        tracker.Close(new PeriodCalls(10, 5, []), Start + (2 * Period));
        tracker.Close(new PeriodCalls(10, 5, []), Start + (3 * Period));

        var toAlarm = tracker.Close(new PeriodCalls(10, 5, []), Start + (4 * Period));

        Assert.Equal((AlarmState.Alarm, Start + Period, Start + (4 * Period)), (toAlarm?.To, toAlarm?.EvaluatedFrom, toAlarm?.At));
    }

    [Fact]
    public void A_quiet_period_after_an_alarm_is_OK_when_missing_data_is_not_breaching()
    {
        var tracker = new AlarmTracker(FiveXx(), Period, Start);
        tracker.Close(new PeriodCalls(2, 2, []), Start + Period);

        var transition = tracker.Close(PeriodCalls.None, Start + (2 * Period));

        Assert.Equal(AlarmState.Ok, transition?.To);
        Assert.Contains("no calls", tracker.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_latest_transitions_are_kept()
    {
        var tracker = new AlarmTracker(FiveXx(), Period, Start);
        for (var i = 1; i <= 2 * AlarmTracker.KeptTransitions; i++)
        {
            tracker.Close(new PeriodCalls(1, i % 2, []), Start + (i * Period));
        }

        Assert.Equal(AlarmTracker.KeptTransitions, tracker.Status.Transitions.Count);
        Assert.Equal(Start + (2 * AlarmTracker.KeptTransitions * Period), tracker.Status.Transitions[^1].At);
    }

    private static AlarmDefinition FiveXx() => Assert.Single(ApiCallAlarms.All, a => a.Name == "ingestion-5xx");
}
