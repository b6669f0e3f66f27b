namespace Testbed.LoadTests.Processes;

/// <summary>The whole machine's CPU as /proc/stat counts it: all cores' busy time, the kernel's network and interrupt work included.</summary>
public static class ProcStat
{
    /// <summary>Busy clock ticks of all cores since boot; null where /proc/stat cannot be read.</summary>
    public static long? BusyTicks()
    {
        try
        {
            using var reader = File.OpenText("/proc/stat");
            return reader.ReadLine() is { } line ? Busy(line) : null;
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

    /// <summary>The busy ticks of /proc/stat's "cpu" line; null for another line.</summary>
    public static long? Busy(string line)
    {
        // cpu user nice system idle iowait irq softirq steal [guest guest_nice]: all but idle and iowait are busy; guest time is in user already.
        // Interrupt and softirq work (the loopback's traffic) done while a core was idle is charged to no process, only counted here.
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        long Field(int i) => long.TryParse(fields[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }
}
