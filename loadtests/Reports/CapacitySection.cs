using System.Globalization;
using System.Text;
using Testbed.LoadTests.Capacity;
using static Testbed.LoadTests.Reports.ReportFormat;

namespace Testbed.LoadTests.Reports;

/// <summary>The capacity scenario's part of report.md: a row per stage, the knee, and what ran out.</summary>
public static class CapacitySection
{
    /// <summary>Appends the section.</summary>
    public static void Render(StringBuilder md, CapacityResult capacity)
    {
        var limits = capacity.Limits;
        md.AppendLine().AppendLine("## Capacity").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"A stage is held when ingestion accepts at least 99 % of its requests, every sampled event is queryable with client freshness p99 ≤ {limits.MaxFreshness.TotalMilliseconds:0} ms, and at its end the processors are less than {limits.MaxBacklog.TotalSeconds:0.#} s of events behind.").AppendLine();
        md.AppendLine("| offered events/s | accepted events/s | accept p50 ms | accept p99 ms | freshness p50 ms | freshness p99 ms | backlog s | busiest processes (% of a core) | machine CPU µs per event | result |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var s in capacity.Stages)
        {
            var busiest = string.Join(", ", s.Processes.Take(3).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.CpuPercent:0}")))
                + (s.Machine is { } machine ? string.Create(CultureInfo.InvariantCulture, $"; machine {machine.CpuPercent:0}") : string.Empty);
            var backlog = s.BacklogSeconds is { } b ? b.ToString("0.0", CultureInfo.InvariantCulture) : "–";
            // The whole machine's CPU per event accepted: what each event cost at this rate, the kernel's work included.
            var perEvent = s.Machine is { } m ? MicrosPerEvent(m.CpuPercent, s.Ingest.UnitsPerSecond) : "–";
            md.AppendLine($"| {Rate(s.Rate)} | {Rate(s.Ingest.UnitsPerSecond)} | {Ms(s.Ingest.P50)} | {Ms(s.Ingest.P99)} | {Ms(s.Freshness.P50)} | {Ms(s.Freshness.P99)} | {backlog} | {busiest} | {perEvent} | {(s.Held ? "held" : "**not held**: " + string.Join("; ", s.Breaches))} |");
        }

        md.AppendLine();
        md.AppendLine(capacity.Knee is { } knee
            ? $"**Knee: {Rate(knee)} events/s**, the highest rate held."
            : "**No stage was held**: start lower (--rate).");
        md.AppendLine(capacity.SaturatedBy is { } saturated
            ? $"What ran out first, at {Rate(capacity.Stages[^1].Rate)} events/s: {saturated}."
            : "Every stage was held: the knee is above the highest rate tried (raise --ramp-to).");
    }
}
