using System.Text.Json;
using System.Text.Json.Serialization;

namespace Testbed.LoadTests.Reports;

/// <summary>Writes every report format of a run into its results folder.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes report.md, report.html, results.csv, timeline.csv and results.json; returns the paths.</summary>
    public static IReadOnlyList<string> Write(RunReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var markdown = MarkdownReport.Render(report);
        var files = new Dictionary<string, string>
        {
            ["report.md"] = markdown,
            ["report.html"] = HtmlReport.Render(report, markdown),
            ["results.csv"] = CsvReport.Summary(report),
            ["timeline.csv"] = CsvReport.Timeline(report),
            ["results.json"] = JsonSerializer.Serialize(report, Json),
        };
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return [.. files.Keys.Select(name => Path.Combine(folder, name))];
    }
}
