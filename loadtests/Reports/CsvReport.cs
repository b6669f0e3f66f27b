using System.Text;
using static Testbed.LoadTests.Reports.ReportFormat;

namespace Testbed.LoadTests.Reports;

/// <summary>results.csv (one row per step) and timeline.csv (one row per step and second).</summary>
public static class CsvReport
{
    /// <summary>The per-step summary.</summary>
    public static string Summary(RunReport report)
    {
        var csv = new StringBuilder("step,count,ok,failed,rate_per_s,events_per_s,min_ms,p50_ms,p75_ms,p95_ms,p99_ms,max_ms\n");
        foreach (var s in report.Steps)
        {
            csv.AppendLine(string.Join(',', s.Name, Count(s.Count), Count(s.Ok), Count(s.Failed), Rate(s.Rate), Rate(s.UnitsPerSecond), Ms(s.Min), Ms(s.P50), Ms(s.P75), Ms(s.P95), Ms(s.P99), Ms(s.Max)));
        }

        return csv.ToString();
    }

    /// <summary>The per-second timeline.</summary>
    public static string Timeline(RunReport report)
    {
        var csv = new StringBuilder("step,second,ok,failed,events,p50_ms,p99_ms\n");
        foreach (var s in report.Steps)
        {
            foreach (var p in s.Timeline)
            {
                csv.AppendLine(string.Join(',', s.Name, p.Second, Count(p.Ok), Count(p.Failed), Count(p.Units), Ms(p.P50), Ms(p.P99)));
            }
        }

        return csv.ToString();
    }
}
