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
        var byLoad = alarms.Where(a => a.ByLoad).ToList();
        if (byLoad.Count == 0)
        {
            md.AppendLine("No API call alarm went to ALARM on the load's calls, from the start of the load (warm-up included) to the end of the run (the Api's GET /alarms).");
        }
        else
        {
            md.AppendLine("The load set off these API call alarms (the Api's GET /alarms; the same alarms are CloudWatch alarms on AWS):").AppendLine();
            md.AppendLine("| alarm | service | went to ALARM (UTC) | why | state at the end |").AppendLine("|---|---|---|---|---|");
            foreach (var alarm in byLoad)
            {
                var when = alarm.Raised.Count > 0 ? string.Join(", ", alarm.Raised.Select(t => Time(t.At))) : "before the load";
                var why = alarm.Raised.Count > 0 ? alarm.Raised[^1].Reason : "–";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {alarm.Name} | {alarm.Service} | {when} | {Cell(why)} | {StateName(alarm)} |");
            }
        }

        var early = alarms.Where(a => a.RaisedBeforeLoad.Count > 0).ToList();
        if (early.Count == 0)
        {
            return;
        }

        // A period is evaluated once it ends, so the first evaluated during the load can hold the stack's slow first calls (compiling, priming).
        md.AppendLine().AppendLine("Set off by calls made before the load (the stack's first calls and the priming), in periods that ended once it had begun:").AppendLine();
        md.AppendLine("| alarm | service | went to ALARM (UTC) | on the calls since (UTC) | why |").AppendLine("|---|---|---|---|---|");
        foreach (var alarm in early)
        {
            var last = alarm.RaisedBeforeLoad[^1];
            md.AppendLine(CultureInfo.InvariantCulture, $"| {alarm.Name} | {alarm.Service} | {string.Join(", ", alarm.RaisedBeforeLoad.Select(t => Time(t.At)))} | {Time(last.EvaluatedFrom)} | {Cell(last.Reason)} |");
        }
    }

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string StateName(RaisedAlarm alarm) => alarm.StateAtEnd switch
    {
        AlarmState.Alarm => "**ALARM**",
        AlarmState.Ok => "OK",
        _ => "INSUFFICIENT_DATA",
    };
}
