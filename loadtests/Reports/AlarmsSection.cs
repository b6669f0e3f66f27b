using System.Globalization;
using System.Text;
using Testbed.LoadTests.Checks;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.LoadTests.Reports;

/// <summary>report.md's Alarms: which of the pipeline's API call alarms the load set off, when and why.</summary>
public static class AlarmsSection
{
    /// <summary>Appends the section; nothing when the alarms could not be read.</summary>
    public static void Render(StringBuilder md, IReadOnlyList<RaisedAlarm>? alarms)
    {
        if (alarms is null)
        {
            return;
        }

        md.AppendLine().AppendLine("## Alarms").AppendLine();
        if (alarms.Count == 0)
        {
            md.AppendLine("No API call alarm went to ALARM from the start of the load (warm-up included) to the end of the run (the Api's GET /alarms).");
            return;
        }

        md.AppendLine("The load set off these API call alarms (the Api's GET /alarms; the same alarms are CloudWatch alarms on AWS):").AppendLine();
        md.AppendLine("| alarm | service | went to ALARM (UTC) | why | state at the end |").AppendLine("|---|---|---|---|---|");
        foreach (var alarm in alarms)
        {
            var when = alarm.Raised.Count > 0 ? string.Join(", ", alarm.Raised.Select(t => t.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture))) : "before the load";
            var why = alarm.Raised.Count > 0 ? alarm.Raised[^1].Reason : "–";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {alarm.Name} | {alarm.Service} | {when} | {why.Replace("|", "\\|", StringComparison.Ordinal)} | {StateName(alarm)} |");
        }
    }

    private static string StateName(RaisedAlarm alarm) => alarm.StateAtEnd switch
    {
        AlarmState.Alarm => "**ALARM**",
        AlarmState.Ok => "OK",
        _ => "INSUFFICIENT_DATA",
    };
}
