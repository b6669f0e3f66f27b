namespace Testbed.LoadTests.Processes;

/// <summary>The whole machine's CPU from /proc/stat: all cores' time that was not idle, the kernel's network and interrupt work included.</summary>
public static class ProcStat
{
    // The per-core lines of the first reading: the cores do not change while the runner runs.
    private static int? s_cores;

    /// <summary>The machine's ticks since boot; null where /proc/stat cannot be read.</summary>
    public static CpuTicks? Read()
    {
        if (ProcFile.Read("/proc/stat")?.Split('\n') is not [var first, .. var rest])
        {
            return null;
        }

        s_cores ??= rest.Count(IsCoreLine);
        return Parse(first, s_cores.Value);
    }

    /// <summary>The idle and iowait ticks of /proc/stat's "cpu" line, of <paramref name="cores"/> cores; null for another line.</summary>
    public static CpuTicks? Parse(string line, int cores)
    {
        // cpu user nice system idle iowait irq softirq steal [guest guest_nice].
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        long Field(int i) => long.TryParse(fields[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new CpuTicks(Field(4) + Field(5), cores);
    }

    /// <summary>
    /// The machine's CPU between two readings <paramref name="elapsed"/> apart, in percent of one core: the time all cores had, less the
    /// time they were idle or waiting for I/O.
    /// </summary>
    /// <remarks>
    /// Not the busy columns: a tickless kernel counts idle time by the clock, but the busy columns by samples at each tick, and on a busy
    /// virtual machine ticks go missing. Measured on 2 cores (2026-11-30), 10 s of `runner-check --rate 25000`: /proc/stat counted 722 idle
    /// ticks and only 700 busy ones, 1,422 in all of the 2,000 the time had, while the runner's own counter alone gained 1,253. Time less
    /// idle gives 128 %, the runner alone 125 %; the busy ticks 70 %, and their share of the ticks counted (this sampler's rule until then)
    /// 98 %. Interrupt and softirq work (the loopback's traffic) and steal (the host running something else) count as busy: they are time
    /// this machine's cores could not give to its processes.
    /// </remarks>
    public static double BusyPercent(CpuTicks from, CpuTicks to, TimeSpan elapsed)
    {
        var possible = elapsed.TotalSeconds * ProcProcess.TicksPerSecond * to.Cores;
        return possible > 0 ? Math.Clamp((possible - (to.Idle - from.Idle)) / possible, 0, 1) * to.Cores * 100 : 0;
    }

    // A per-core line (cpu0, cpu1, …) among the rest of the file.
    private static bool IsCoreLine(string line) => line.Length > 3 && line.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]);
}
