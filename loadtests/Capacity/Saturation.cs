using System.Globalization;
using Testbed.LoadTests.Processes;

namespace Testbed.LoadTests.Capacity;

/// <summary>Names the resource that ran out first at a rate the pipeline could not hold, from each process's CPU over that stage.</summary>
public static class Saturation
{
    // The emulators run their JavaScript on one thread: near a whole core, they are the limit whatever the machine has left.
    private const double SingleThreadBusy = 85;

    // The machine counts as out of CPU when its cores are this busy.
    private const double MachineBusy = 0.9;

    private static readonly string[] SingleThreaded = ["kinesis emulator", "dynamodb emulator", "s3 emulator", "aws edge"];

    /// <summary>For any run: what the whole stack used on average and in its busiest second, and whether an emulator's thread or the machine's CPU was at its limit.</summary>
    /// <param name="processes">Each process's CPU over the measured load and per second of the run, in percent of one core.</param>
    /// <param name="cores">The machine's cores.</param>
    /// <param name="machine">The whole machine's CPU over the measured load, the kernel's work included; when known, it decides whether the CPU was the limit.</param>
    public static string Summary(IReadOnlyList<ProcessUsage> processes, int cores, ProcessUsage? machine = null)
    {
        var capacity = cores * 100.0;
        var total = processes.Sum(p => p.CpuPercent);
        var busiest = machine?.PeakCpuPercent
            ?? processes.SelectMany(p => p.Timeline).GroupBy(t => t.Second).Select(g => g.Sum(t => t.CpuPercent)).DefaultIfEmpty(0).Max();
        var thread = BoundThread(processes);
        var limit = thread is not null ? string.Create(CultureInfo.InvariantCulture, $"the {thread.Name}'s JavaScript thread ({thread.CpuPercent:0} % of a core) was the limit")
            : OutOfCpu(busiest, cores) ? "the machine's CPU was the limit in its busiest seconds"
            : "neither an emulator's thread nor the machine's CPU was at its limit";
        var whole = machine is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; the whole machine, the kernel's work included, {machine.CpuPercent:0} %");
        return string.Create(CultureInfo.InvariantCulture, $"All processes together used {total:0} % of the {capacity:0} % the machine's {cores} cores have over the measured load{whole}, {busiest:0} % in the busiest second: {limit}.");
    }

    /// <summary>When the runner could not send every request and no emulator's thread was the limit: what each answered request cost of the machine's CPU, and whether at that cost its cores could answer the offered rate at all.</summary>
    /// <param name="notSent">Requests not sent because too many were in flight.</param>
    /// <param name="offeredPerSecond">Requests offered per second over the measured load.</param>
    /// <param name="answeredPerSecond">Requests answered per second over the measured load.</param>
    /// <param name="machine">The whole machine's CPU over the measured load.</param>
    /// <param name="cores">The machine's cores.</param>
    public static string CpuPerRequest(long notSent, double offeredPerSecond, double answeredPerSecond, ProcessUsage machine, int cores)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var microseconds = machine.CpuPercent / 100 / answeredPerSecond * 1e6;
        var most = cores * 1e6 / microseconds;
        var verdict = most < offeredPerSecond
            ? "the CPU is what could not keep up"
            : "the CPU was not what ran out: requests waited on something else (connections, the target's own limits)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{notSent:N0} requests were not sent (too many in flight). Each answered request took {microseconds:0} µs of the machine's CPU (every process and the kernel's work): at that cost its {cores} cores, all busy, answer about {most:N0} requests/s against the {offeredPerSecond:N0}/s offered, so {verdict}. The machine was {machine.CpuPercent:0} % of {cores * 100} % busy, {machine.PeakCpuPercent:0} % in its busiest second.");
    }

    /// <summary>One sentence: which emulator's thread or the machine's CPU ran out, or that neither did.</summary>
    /// <param name="processes">Each process's CPU over the stage, in percent of one core.</param>
    /// <param name="cores">The machine's cores.</param>
    /// <param name="machine">The whole machine's CPU over the stage, the kernel's work included; when known, it decides whether the CPU ran out.</param>
    public static string Describe(IReadOnlyList<ProcessUsage> processes, int cores, ProcessUsage? machine = null)
    {
        var busiest = processes.OrderByDescending(p => p.CpuPercent).ToList();
        var total = machine?.CpuPercent ?? busiest.Sum(p => p.CpuPercent);
        var capacity = cores * 100.0;
        var cpu = string.Create(CultureInfo.InvariantCulture, $"the machine's {cores} cores were {total:0} % of {capacity:0} % busy");
        var bound = BoundThread(busiest);
        if (bound is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the {bound.Name} (one JavaScript thread) at {bound.CpuPercent:0} % of a core; {cpu}");
        }

        var top = string.Join(", ", busiest.Take(3).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.CpuPercent:0} %")));
        if (OutOfCpu(total, cores))
        {
            return $"the machine's CPU: {cpu} (busiest: {top})";
        }

        // Not at a limit on average, a stage can still have been at one for a good part of its seconds: say which, and for how long.
        var atLimit = AtLimitPartOfTheTime(busiest, cores, machine);
        return atLimit.Count == 0
            ? $"neither an emulator's thread nor the machine's CPU ({cpu}): the pipeline waited on its round trips (busiest: {top})"
            : $"neither an emulator's thread nor the machine's CPU on average ({cpu}; busiest: {top}), but at their limit for part of the stage: {string.Join(", ", atLimit)}";
    }

    // Each single-threaded emulator and the machine, with the seconds of the timeline it spent at its limit; most seconds first.
    private static List<string> AtLimitPartOfTheTime(IReadOnlyList<ProcessUsage> processes, int cores, ProcessUsage? machine)
    {
        var seconds = processes.SelectMany(p => p.Timeline).Select(t => t.Second).Distinct().Count();
        var machineSeconds = machine?.Timeline.Count(t => OutOfCpu(t.CpuPercent, cores))
            ?? processes.SelectMany(p => p.Timeline).GroupBy(t => t.Second).Count(g => OutOfCpu(g.Sum(t => t.CpuPercent), cores));
        var limits = processes
            .Where(p => SingleThreaded.Contains(p.Name))
            .Select(p => (What: $"the {p.Name}'s thread", Seconds: p.Timeline.Count(t => t.CpuPercent >= SingleThreadBusy)))
            .Append((What: "the machine's CPU", Seconds: machineSeconds));
        return [.. limits.Where(l => l.Seconds > 0).OrderByDescending(l => l.Seconds).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.What} in {l.Seconds} of {seconds} s"))];
    }

    /// <summary>Whether an emulator's JavaScript thread was near a whole core over the measured load: then it, not the machine, was the limit.</summary>
    public static bool EmulatorBound(IEnumerable<ProcessUsage> processes) => BoundThread(processes) is not null;

    // The busiest emulator whose JavaScript thread was near a whole core, if any.
    private static ProcessUsage? BoundThread(IEnumerable<ProcessUsage> processes) =>
        processes.OrderByDescending(p => p.CpuPercent).FirstOrDefault(p => SingleThreaded.Contains(p.Name) && p.CpuPercent >= SingleThreadBusy);

    private static bool OutOfCpu(double percentOfOneCore, int cores) => percentOfOneCore >= cores * 100.0 * MachineBusy;
}
