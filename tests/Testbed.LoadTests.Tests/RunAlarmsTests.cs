using Testbed.Infra.Definition;
using Testbed.LoadTests.Checks;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.LoadTests.Tests;

/// <summary>Which alarms a report lists as set off by the load: those that went to ALARM after it began, or are in ALARM at its end.</summary>
public sealed class RunAlarmsTests
{
    private static readonly DateTimeOffset LoadStarted = new(2026, 11, 28, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_alarm_is_listed_when_it_went_to_alarm_during_the_load_or_is_in_alarm_at_its_end()
    {
        var definitions = ApiCallAlarms.All;
        AlarmStatus Status(int i, AlarmState state, params AlarmTransition[] transitions) =>
            AlarmStatus.Of(definitions[i], TimeSpan.FromSeconds(10), state, "reason now", LoadStarted, transitions);
        AlarmTransition Change(AlarmState from, AlarmState to, int secondsAfterStart) => new(from, to, LoadStarted.AddSeconds(secondsAfterStart), $"{to} at {secondsAfterStart}");

        var raised = RunAlarms.Raised(
            [
                // Went to ALARM before the load and back to OK during it: not the load's doing.
                Status(0, AlarmState.Ok, Change(AlarmState.Ok, AlarmState.Alarm, -30), Change(AlarmState.Alarm, AlarmState.Ok, 5)),
                // Set off twice by the load, OK at the end.
                Status(1, AlarmState.Ok, Change(AlarmState.Ok, AlarmState.Alarm, 20), Change(AlarmState.Alarm, AlarmState.Ok, 30), Change(AlarmState.Ok, AlarmState.Alarm, 40), Change(AlarmState.Alarm, AlarmState.Ok, 50)),
                // In ALARM since before the load and still.
                Status(2, AlarmState.Alarm, Change(AlarmState.Ok, AlarmState.Alarm, -5)),
                // Only ever OK.
                Status(3, AlarmState.Ok, Change(AlarmState.InsufficientData, AlarmState.Ok, 10)),
            ],
            LoadStarted);

        Assert.Equal([definitions[1].Name, definitions[2].Name], raised.Select(a => a.Name));
        Assert.Equal(["Alarm at 20", "Alarm at 40"], raised[0].Raised.Select(t => t.Reason));
        Assert.Equal(AlarmState.Ok, raised[0].StateAtEnd);
        Assert.Empty(raised[1].Raised);
        Assert.Equal(AlarmState.Alarm, raised[1].StateAtEnd);
    }
}
