using System.Globalization;

namespace Testbed.LoadTests.Processes;

/// <summary>One process as /proc shows it: parent, CPU time and nice value.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="ParentPid">The parent's process id.</param>
/// <param name="CpuTicks">User plus system time, in clock ticks.</param>
/// <param name="Nice">Its main thread's nice value (0 by default; higher is a lower CPU priority).</param>
internal readonly record struct ProcProcess(int Pid, int ParentPid, long CpuTicks, int Nice)
{
    /// <summary>Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture .NET runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>Reads /proc/&lt;pid&gt;/stat; null when the process is gone or unreadable.</summary>
    public static ProcProcess? Read(int pid)
    {
        if (ProcFile.Read($"/proc/{pid}/stat") is not { } text)
        {
            return null;
        }

        // The command name in parentheses may hold spaces and parentheses itself: the fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');

        // After the name: state(0) ppid(1) … utime(11) stime(12) … nice(16).
        return fields.Length > 16
            ? new ProcProcess(pid, Int(fields[1]), Long(fields[11]) + Long(fields[12]), Int(fields[16]))
            : null;
    }

    /// <summary>Whether <paramref name="ancestor"/> is among the process's parents, as far as <paramref name="all"/> (a snapshot of /proc) goes.</summary>
    public static bool IsDescendant(ProcProcess process, int ancestor, IReadOnlyDictionary<int, ProcProcess> all)
    {
        for (var parent = process.ParentPid; parent > 1 && all.TryGetValue(parent, out var next); parent = next.ParentPid)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ids of the process's threads now; empty when it is gone.</summary>
    public static IReadOnlyList<int> Threads(int pid)
    {
        try
        {
            return [.. Directory.EnumerateDirectories($"/proc/{pid}/task").Select(t => Int(Path.GetFileName(t)))];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The command line with its arguments joined by spaces; empty for a kernel thread or a process that is gone.</summary>
    public static string CommandLine(int pid) => ProcFile.Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim() ?? string.Empty;

    /// <summary>Every process id /proc lists now.</summary>
    public static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n is { Length: > 0 } && char.IsAsciiDigit(n[0])).Select(n => Int(n!));

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
