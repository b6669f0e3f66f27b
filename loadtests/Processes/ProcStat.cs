namespace Testbed.LoadTests.Processes;

/// <summary>The whole machine's CPU as /proc/stat counts it: all cores' busy time, the kernel's network and interrupt work included.</summary>
public static class ProcStat
{
    // The per-core lines of the first reading: the cores do not change while the runner runs.
    private static int? s_cores;

    /// <summary>The machine's ticks since boot; null where /proc/stat cannot be read.</summary>
    public static CpuTicks? Read()
    {
        try
        {
            using var reader = File.OpenText("/proc/stat");
            if (reader.ReadLine() is not { } line)
            {
                return null;
            }

            s_cores ??= CountCores(reader);
            return Parse(line, s_cores.Value);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The ticks of /proc/stat's "cpu" line, counted by <paramref name="cores"/> cores; null for another line.</summary>
    public static CpuTicks? Parse(string line, int cores)
    {
        // cpu user nice system idle iowait irq softirq steal [guest guest_nice]: all but idle and iowait are busy; guest time is in user already.
        // Interrupt and softirq work (the loopback's traffic) done while a core was idle is charged to no process, only counted here. Steal is
        // time this machine's cores wanted to run and its host ran something else: busy, as far as what this machine can do goes.
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        long Field(int i) => long.TryParse(fields[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return new CpuTicks(busy, busy + Field(4) + Field(5), cores);
    }

    /// <summary>
    /// The machine's CPU between two readings, in percent of one core: the busy share of the ticks counted in between, times the cores that counted them.
    /// </summary>
    /// <remarks>
    /// Not busy ticks over the time elapsed: on a busy virtual machine /proc/stat counts fewer ticks than the time has (measured on 2 cores,
    /// 2026-11-30, at 2,000 events/s: 1,763 of 2,000 in 10 s, all states together), and those it counts are a sample of what the cores did.
    /// Over the same 10 s the busy share of the counted ticks came to 139 % and the processes' own counters to 137-144 %; busy ticks over
    /// the time, 114-123 %.
    /// </remarks>
    public static double BusyPercent(CpuTicks from, CpuTicks to) =>
        to.All > from.All ? (double)(to.Busy - from.Busy) / (to.All - from.All) * to.Cores * 100 : 0;

    // The per-core lines (cpu0, cpu1, …) among the rest of the file.
    private static int CountCores(TextReader rest)
    {
        var cores = 0;
        while (rest.ReadLine() is { } line)
        {
            if (line.Length > 3 && line.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]))
            {
                cores++;
            }
        }

        return cores;
    }
}
