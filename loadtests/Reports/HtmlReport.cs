using System.Globalization;
using System.Net;
using System.Text;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Reports;

/// <summary>report.html: one self-contained page with the Markdown's tables and, per step, throughput and latency over time and the latency distribution.</summary>
public static class HtmlReport
{
    /// <summary>The HTML page.</summary>
    public static string Render(RunReport report, string markdownTables)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode($"Load test: {report.Scenario}"))
            .Append("</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d1d1f}table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}svg{margin:6px 12px 12px 0;border:1px solid #eee}.charts{display:flex;flex-wrap:wrap}</style></head><body>");
        html.Append(MarkdownToHtml(markdownTables));
        foreach (var step in report.Steps)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(step.Name)).Append(" over time</h2><div class=\"charts\">");
            html.Append(SvgChart.Lines($"{step.Name} throughput", "per s", [("ok/s", "#1a7f37", Points(step.Timeline, p => p.Ok)), ("failed/s", "#c62828", Points(step.Timeline, p => p.Failed))]));
            html.Append(SvgChart.Lines($"{step.Name} latency", "ms", [("p50", "#3355cc", Points(step.Timeline, p => p.P50)), ("p99", "#b26a00", Points(step.Timeline, p => p.P99))]));
            html.Append(SvgChart.Bars($"{step.Name} latency distribution", [.. step.Distribution.Select(b => (Label(b), (double)b.Count))]));
            html.Append("</div>");
        }

        if (report.Capacity is { Stages.Count: > 0 } capacity)
        {
            var stages = capacity.Stages;
            html.Append("<h2>Capacity</h2><div class=\"charts\">")
                .Append(SvgChart.Lines("latency by rate (x: events/s)", "ms", [
                    ("freshness p99", "#b26a00", [.. stages.Select(s => (s.Rate, s.Freshness.P99))]),
                    ("accept p99", "#3355cc", [.. stages.Select(s => (s.Rate, s.Ingest.P99))])]))
                .Append(SvgChart.Lines("accepted by rate (x: events/s)", "events/s", [("accepted events/s", "#1a7f37", [.. stages.Select(s => (s.Rate, s.Ingest.UnitsPerSecond))])]))
                .Append("</div>");
        }

        if (report.Processes is { Count: > 0 } processes)
        {
            // The busiest processes only: a line per process of the whole stack would be unreadable.
            string[] colors = ["#3355cc", "#b26a00", "#1a7f37", "#c62828", "#6a1b9a", "#00838f"];
            var busiest = processes.Take(colors.Length).Select((p, i) => ($"{p.Name} {p.Pid}", colors[i], (IReadOnlyList<(double X, double Y)>)[.. p.Timeline.Select(t => ((double)t.Second, t.CpuPercent))])).ToList();
            html.Append("<h2>CPU by process</h2><div class=\"charts\">").Append(SvgChart.Lines("CPU by process (busiest)", "% of a core", busiest)).Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static IReadOnlyList<(double X, double Y)> Points(IReadOnlyList<TimelinePoint> timeline, Func<TimelinePoint, double> value) =>
        [.. timeline.Select(p => ((double)p.Second, value(p)))];

    private static string Label(HistogramBucket bucket) =>
        double.IsPositiveInfinity(bucket.UpperMs) ? ">10s" : "≤" + bucket.UpperMs.ToString(CultureInfo.InvariantCulture) + "ms";

    // Just enough Markdown for the report's own text: headings, list items, tables, bold and code.
    private static string MarkdownToHtml(string markdown)
    {
        var html = new StringBuilder();
        var inTable = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('|'))
            {
                if (line.StartsWith("|---", StringComparison.Ordinal))
                {
                    continue;
                }

                var cells = line.Trim('|').Split('|').Select(c => Inline(c.Trim()));
                var tag = inTable ? "td" : "th";
                html.Append(inTable ? string.Empty : "<table>").Append("<tr>").Append(string.Concat(cells.Select(c => $"<{tag}>{c}</{tag}>"))).Append("</tr>");
                inTable = true;
                continue;
            }

            if (inTable)
            {
                html.Append("</table>");
                inTable = false;
            }

            html.Append(line switch
            {
                _ when line.StartsWith("## ", StringComparison.Ordinal) => $"<h2>{Inline(line[3..])}</h2>",
                _ when line.StartsWith("# ", StringComparison.Ordinal) => $"<h1>{Inline(line[2..])}</h1>",
                _ when line.StartsWith("- ", StringComparison.Ordinal) => $"<div>• {Inline(line[2..])}</div>",
                "" => string.Empty,
                _ => $"<p>{Inline(line)}</p>",
            });
        }

        return html.Append(inTable ? "</table>" : string.Empty).ToString();
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = System.Text.RegularExpressions.Regex.Replace(encoded, @"\*\*(.+?)\*\*", "<b>$1</b>");
        return System.Text.RegularExpressions.Regex.Replace(encoded, "`(.+?)`", "<code>$1</code>");
    }
}
