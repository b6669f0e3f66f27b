using System.Globalization;
using System.Text;
using Testbed.LoadTests.Capacity;
using Testbed.LoadTests.Scenarios;
using static Testbed.LoadTests.Reports.ReportFormat;

namespace Testbed.LoadTests.Reports;

/// <summary>report.md: the run's results as Markdown tables.</summary>
public static class MarkdownReport
{
    /// <summary>The Markdown text.</summary>
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Load test: {report.Scenario}").AppendLine();
        md.AppendLine($"- started: {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine($"- target: {report.Target}");
        md.AppendLine($"- load: {report.Simulation}, warm-up {Warmup(report)}, measured {report.Duration.TotalSeconds:0} s");
        if (report.Primed is { } primed)
        {
            md.AppendLine(primed.Complete
                ? $"- primed: {primed.Sent:N0} events sent through the pipeline before the load, all queryable after {primed.Seconds:0.0} s"
                : $"- primed: {primed.Sent:N0} events sent through the pipeline before the load, only {primed.Queryable:N0} queryable after {primed.Seconds:0.0} s");
        }

        md.AppendLine().AppendLine("## Steps").AppendLine();
        md.AppendLine("| step | count | ok | failed | req/s | events/s | min ms | p50 ms | p75 ms | p95 ms | p99 ms | max ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Steps)
        {
            md.AppendLine($"| {s.Name} | {Count(s.Count)} | {Count(s.Ok)} | {Count(s.Failed)} | {Rate(s.Rate)} | {Rate(s.UnitsPerSecond)} | {Ms(s.Min)} | {Ms(s.P50)} | {Ms(s.P75)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)} |");
        }

        var failures = report.Steps.SelectMany(s => s.FailuresByReason.Select(f => (s.Name, f.Key, f.Value))).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine().AppendLine("## Failures").AppendLine().AppendLine("| step | reason | count |").AppendLine("|---|---|---:|");
            failures.ForEach(f => md.AppendLine($"| {f.Item1} | {f.Item2} | {Count(f.Item3)} |"));
        }

        if (report.Loss is not null || report.PipelineFreshness is not null || report.Probe is not null)
        {
            md.AppendLine().AppendLine("## Pipeline").AppendLine();
        }

        if (report.Loss is { } loss)
        {
            md.AppendLine($"- accepted {Count(loss.Accepted)}, stored {Count(loss.Stored)}, **lost {Count(loss.Lost)}** ({(loss.Lost == 0 ? "caught up" : "gave up waiting")} {loss.Drain.TotalSeconds:0.0} s after the load)");
            md.AppendLine($"- stored {Rate(report.StoredPerSecond ?? 0)} events/s from the start of the load until then");
            if (loss.Items is { } items)
            {
                md.AppendLine($"- lost events traced: {Count(items)} of the run's events are items; accepted but not items: {(loss.MissingItems.Count == 0 ? "none (the aggregates are short, not the items)" : string.Join(", ", loss.MissingItems.Select(id => $"`{id}`")))}");
            }
        }

        if (report.PipelineFreshness is { } f)
        {
            md.AppendLine($"- processor freshness (acceptance → stored, last minute): p50 {Ms(f.P50)} ms, p99 {Ms(f.P99)} ms over {f.Count} events");
        }

        if (report.Probe is { PerEvent: { } perEvent } probe)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- freshness probe: {Count(probe.Reads)} reads through the Api (GET /events/{{id}}) for {Count(probe.Events)} sampled events, {perEvent:0.0} per event (warm-up included)");
        }

        if (report.Capacity is { } capacity)
        {
            CapacitySection.Render(md, capacity);
        }

        if (report.Baseline.Count > 0)
        {
            md.AppendLine().AppendLine("## Emulator capacity baseline").AppendLine().AppendLine("| measurement | per second | call p50 ms | call p99 ms |").AppendLine("|---|---:|---:|---:|");
            foreach (var b in report.Baseline)
            {
                md.AppendLine($"| {b.Name} | {Rate(b.PerSecond)} | {Ms(b.Percentile(50))} | {Ms(b.Percentile(99))} |");
            }

            md.AppendLine().AppendLine($"{(report.Capacity is null ? "Pipeline's stored rate" : "The knee rate")} as a share of DynamoDB BatchWriteItem alone: **{Percent(report.DynamoDbRatio)}**; of the same with the pipeline's own items: {Percent(report.PipelineItemsRatio)}; of Kinesis PutRecords alone: {Percent(report.KinesisRatio)}.");
        }

        if (report.Processes is { Count: > 0 } processes)
        {
            md.AppendLine().AppendLine($"## Processes (CPU in % of one core over the measured load; this machine has {Environment.ProcessorCount} cores, {Environment.ProcessorCount * 100} %)").AppendLine();
            // What each process spent per event accepted: comparable across rates and machines, and with an emulator's cost per item alone.
            var accepted = report.AcceptedPerSecond is > 0 ? report.AcceptedPerSecond : null;
            md.AppendLine(accepted is null ? "| process | pid | nice | CPU % | busiest second % | peak RSS MiB | peak private MiB |" : "| process | pid | nice | CPU % | CPU µs per event | busiest second % | peak RSS MiB | peak private MiB |")
                .AppendLine(accepted is null ? "|---|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var p in processes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | {p.Pid} | {p.Nice} | {p.CpuPercent:0.0} |{PerEvent(p.CpuPercent, accepted)} {p.PeakCpuPercent:0} | {p.PeakRssMegabytes:0} | {p.PeakPrivateMegabytes:0} |");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | | | **{processes.Sum(p => p.CpuPercent):0.0}** |{PerEvent(processes.Sum(p => p.CpuPercent), accepted, bold: true)} | **{processes.Sum(p => p.PeakRssMegabytes):0}** | **{processes.Sum(p => p.PeakPrivateMegabytes):0}** |");
            var machine = report.Machine;
            if (machine is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| machine (every process and the kernel's work) | | | {machine.CpuPercent:0.0} |{PerEvent(machine.CpuPercent, accepted)} {machine.PeakCpuPercent:0} | | |");
            }

            if (accepted is not null)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"CPU µs per event: each process's CPU time over the measured load per event accepted in it ({accepted:0.0} events/s); at a low rate it includes what a process spends with nothing to do.");
            }

            if (processes.Where(p => p.Nice > 0 && !p.Name.EndsWith(" launcher", StringComparison.Ordinal)).Select(p => p.Name).Distinct().ToList() is { Count: > 0 } yielding)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"The {string.Join(", ", yielding)} ran at a lower CPU priority (nice above 0): no request waits for their work, so they yield the cores to the request path while it is busy (`--background-nice`).");
            }

            md.AppendLine().AppendLine(Saturation.Summary(processes, Environment.ProcessorCount, machine));
            // The requests are those of the load's own steps: the freshness probe's step counts events, not the reads made for them.
            var sent = report.Steps.Where(s => s.Name != ScenarioContext.FreshnessStep).ToList();
            var notSent = sent.Sum(s => s.FailuresByReason.GetValueOrDefault(Failures.RunnerSaturated));
            if (notSent > 0 && machine is not null && report.Main is { Ok: > 0 } && !Saturation.EmulatorBound(processes))
            {
                var seconds = report.Duration.TotalSeconds;
                md.AppendLine().AppendLine(Saturation.CpuPerRequest(notSent, sent.Sum(s => s.Count) / seconds, sent.Sum(s => s.Ok) / seconds, machine, Environment.ProcessorCount));
            }
        }

        AlarmsSection.Render(md, report.Alarms);

        if (report.Thresholds.Count > 0)
        {
            md.AppendLine().AppendLine("## Thresholds").AppendLine().AppendLine("| threshold | actual | result |").AppendLine("|---|---:|---|");
            foreach (var t in report.Thresholds)
            {
                md.AppendLine($"| `{t.Threshold.Text}` | {Ms(t.Actual)} | {(t.Passed ? "pass" : "**BREACHED**")} |");
            }
        }

        return md.ToString();
    }

    // A CPU share as µs per event at the accepted rate, as a table cell with its closing bar; no cell without a rate.
    private static string PerEvent(double cpuPercent, double? accepted, bool bold = false) =>
        accepted is { } rate ? (bold ? $" **{MicrosPerEvent(cpuPercent, rate)}** |" : $" {MicrosPerEvent(cpuPercent, rate)} |") : string.Empty;

    // The warm-up as it ran: held past its set length until the pipeline had caught up (--catch-up), or not.
    private static string Warmup(RunReport report)
    {
        if (report.CatchUp is not { } c)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{report.Warmup.TotalSeconds:0} s");
        }

        var set = (report.Warmup - c.Held).TotalSeconds;
        var behind = c.BacklogSeconds is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b:0.0} s behind") : "no reading of how far behind";
        return c.CaughtUp
            ? string.Create(CultureInfo.InvariantCulture, $"{report.Warmup.TotalSeconds:0.0} s ({set:0} s, then held {c.Held.TotalSeconds:0.0} s until the pipeline had caught up: {behind})")
            : string.Create(CultureInfo.InvariantCulture, $"{report.Warmup.TotalSeconds:0.0} s ({set:0} s, then held {c.Held.TotalSeconds:0.0} s: **the pipeline did not catch up**, {behind} when the measured part began)");
    }
}
