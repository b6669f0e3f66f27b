using Testbed.Infra.Definition;
using Testbed.LoadTests.Checks;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.LoadTests.Tests;

/// <summary>Which alarms a report lists as set off by the load (went to ALARM on its calls, or are in ALARM at its end), and which by calls made before it.</summary>
public sealed class RunAlarmsTests
{
    private static readonly DateTimeOffset LoadStarted = new(2026, 11, 28, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_alarm_is_listed_when_it_went_to_alarm_during_the_load_or_is_in_alarm_at_its_end()
    {
        var definitions = ApiCallAlarms.All;
        AlarmStatus Status(int i, AlarmState state, params AlarmTransition[] transitions) =>
            AlarmStatus.Of(definitions[i], TimeSpan.FromSeconds(10), state, "reason now", LoadStarted, transitions);
        AlarmTransition Change(AlarmState from, AlarmState to, int secondsAfterStart) =>
            new(from, to, LoadStarted.AddSeconds(secondsAfterStart), $"{to} at {secondsAfterStart}", LoadStarted.AddSeconds(secondsAfterStart - 10));

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
                // Went to ALARM 5 s into the load on a period that began 5 s before it (the priming's calls), OK at the end.
                Status(4, AlarmState.Ok, Change(AlarmState.InsufficientData, AlarmState.Alarm, 5), Change(AlarmState.Alarm, AlarmState.Ok, 15)),
            ],
            LoadStarted);

        Assert.Equal([definitions[1].Name, definitions[2].Name, definitions[4].Name], raised.Select(a => a.Name));
        Assert.Equal([true, true, false], raised.Select(a => a.ByLoad));
        Assert.Empty(raised[0].RaisedBeforeLoad);
        Assert.Empty(raised[2].Raised);
        Assert.Equal(["Alarm at 5"], raised[2].RaisedBeforeLoad.Select(t => t.Reason));
        Assert.Equal(["Alarm at 20", "Alarm at 40"], raised[0].Raised.Select(t => t.Reason));
        Assert.Equal(AlarmState.Ok, raised[0].StateAtEnd);
        Assert.Empty(raised[1].Raised);
        Assert.Equal(AlarmState.Alarm, raised[1].StateAtEnd);
    }
}
