using System.Text;
using Testbed.LoadTests.Checks;
using Testbed.LoadTests.Reports;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.LoadTests.Tests;

/// <summary>report.md's Alarms section: the load's alarms apart from those its first periods inherited from the calls before it.</summary>
public sealed class AlarmsSectionTests
{
    private static readonly DateTimeOffset LoadStarted = new(2026, 11, 29, 5, 44, 29, TimeSpan.Zero);

    [Fact]
    public void An_alarm_decided_on_calls_from_before_the_load_is_not_listed_as_the_loads()
    {
        var priming = new AlarmTransition(AlarmState.InsufficientData, AlarmState.Alarm, LoadStarted.AddSeconds(9), "p99 was [1.751] | slow", LoadStarted.AddSeconds(-1));

        var md = Render([new RaisedAlarm("api-p99-latency", "api", AlarmState.Ok, [], [priming])]);

        Assert.Contains("No API call alarm went to ALARM on the load's calls", md, StringComparison.Ordinal);
        Assert.Contains("Set off by calls made before the load", md, StringComparison.Ordinal);
        Assert.Contains("| api-p99-latency | api | 05:44:38 | 05:44:28 | p99 was [1.751] \\| slow |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alarm_the_load_set_off_is_listed_with_its_times_and_its_state_at_the_end()
    {
        var load = new AlarmTransition(AlarmState.Ok, AlarmState.Alarm, LoadStarted.AddSeconds(40), "calls per period was [112122]", LoadStarted.AddSeconds(30));

        var md = Render([new RaisedAlarm("ingestion-post-events-calls", "ingestion", AlarmState.Alarm, [load], [])]);

        Assert.Contains("The load set off these API call alarms", md, StringComparison.Ordinal);
        Assert.Contains("| ingestion-post-events-calls | ingestion | 05:45:09 | calls per period was [112122] | **ALARM** |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("before the load", md, StringComparison.Ordinal);
    }

    private static string Render(IReadOnlyList<RaisedAlarm> alarms)
    {
        var md = new StringBuilder();
        AlarmsSection.Render(md, alarms);
        return md.ToString();
    }
}
