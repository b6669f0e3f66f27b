using Testbed.LoadTests.Capacity;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Processes;
using Testbed.LoadTests.Reports;

namespace Testbed.LoadTests.Tests;

/// <summary>What each process spent per event accepted: the rate it is taken at, and the report's column.</summary>
public sealed class ProcessCostTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Each_process_is_charged_its_cpu_time_per_event_accepted_in_the_measured_load()
    {
        var report = Report("ingest-single", [Step("ingest", 2000, unitsEach: 1), Step("freshness", 20, unitsEach: 1)]);

        Assert.Equal(2000, report.AcceptedPerSecond);
        var markdown = MarkdownReport.Render(report);
        Assert.Contains("| process | pid | nice | CPU % | CPU µs per event | busiest second % | peak RSS MiB | peak private MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // 30 % of a core is 300 ms of CPU a second: 150 µs for each of 2,000 events.
        Assert.Contains("| ingestion | 10 | 0 | 30.0 | 150 | 40 | 100 | 60 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **all** | | | **50.0** | **250** | | **300** | **110** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| machine (every process and the kernel's work) | | | 60.0 | 300 | 70 | | |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_count_their_events_and_a_capacity_run_averages_its_stages()
    {
        Assert.Equal(3000, Report("ingest-batch", [Step("ingest", 30, unitsEach: 100)]).AcceptedPerSecond);

        // Two stages of 1 s, 3,000 events in all, over the 4 s the processes were sampled (the waits between stages included).
        var stages = new[] { Stage(1000), Stage(2000) };
        var capacity = Report("capacity", [.. stages.Select(s => s.Ingest)], new CapacityResult(stages, new CapacityLimits(Second, Second), null)) with
        {
            Duration = 2 * Second,
            Sampled = 4 * Second,
        };
        Assert.Equal(750, capacity.AcceptedPerSecond);
    }

    [Fact]
    public void Each_capacity_stage_says_what_an_event_cost_the_whole_machine_at_its_rate()
    {
        var stages = new[] { Stage(1000) with { Machine = new ProcessUsage("machine", 0, 0, 80, 90, 0, 0, []) }, Stage(2000) with { Machine = new ProcessUsage("machine", 0, 0, 100, 120, 0, 0, []) } };
        var md = new System.Text.StringBuilder();

        CapacitySection.Render(md, new CapacityResult(stages, new CapacityLimits(Second, Second), null));

        // 80 % of a core over 1,000 events a second is 800 µs each; 100 % over 2,000, 500 µs.
        var rows = md.ToString().Split('\n').Where(l => l.StartsWith("| 1000", StringComparison.Ordinal) || l.StartsWith("| 2000", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.EndsWith("; machine 80 | 800 | held |", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("; machine 100 | 500 | held |", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_events_to_charge_the_table_keeps_its_columns()
    {
        var runnerCheck = Report("runner-check", [Step("ingest", 5000, unitsEach: 1)]);

        Assert.Null(runnerCheck.AcceptedPerSecond);
        var markdown = MarkdownReport.Render(runnerCheck);
        Assert.Contains("| process | pid | nice | CPU % | busiest second % | peak RSS MiB | peak private MiB |\n|---|---:|---:|---:|---:|---:|---:|\n", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("| ingestion | 10 | 0 | 30.0 | 40 | 100 | 60 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **all** | | | **50.0** | | **300** | **110** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| machine (every process and the kernel's work) | | | 60.0 | 70 | | |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("per event", markdown, StringComparison.Ordinal);
    }

    private static RunReport Report(string scenario, IReadOnlyList<StepStats> steps, CapacityResult? capacity = null) =>
        new(scenario, "constant", "test", DateTimeOffset.UnixEpoch, TimeSpan.Zero, Second, steps, null, null, [], [],
            [new ProcessUsage("ingestion", 10, 0, 30, 40, 100, 60, []), new ProcessUsage("dynamodb emulator", 11, 10, 20, 25, 200, 50, [])],
            capacity,
            Machine: new ProcessUsage("machine", 0, 0, 60, 70, 0, 0, []));

    // A step of one second with this many successful requests, each carrying unitsEach events.
    private static StepStats Step(string name, int requests, int unitsEach) =>
        StepStats.From(name, Enumerable.Range(0, requests).Select(i => new Sample(i / (double)requests, 1, null, unitsEach)), Second);

    private static CapacityStage Stage(double rate) =>
        new(rate, Step($"ingest@{rate}", (int)rate, unitsEach: 1), Step($"freshness@{rate}", 10, unitsEach: 1), 0, [], []);
}
