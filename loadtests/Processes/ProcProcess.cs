using System.Globalization;

namespace Testbed.LoadTests.Processes;

/// <summary>One process as /proc shows it: parent, CPU time, nice value, resident set and the part of it that maps files or shared memory.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="ParentPid">The parent's process id.</param>
/// <param name="CpuTicks">User plus system time, in clock ticks.</param>
/// <param name="Nice">Its main thread's nice value (0 by default; higher is a lower CPU priority).</param>
/// <param name="RssPages">The resident set, in pages.</param>
/// <param name="SharedPages">Resident pages that map files or shared memory (/proc/&lt;pid&gt;/statm's third field), in pages.</param>
internal readonly record struct ProcProcess(int Pid, int ParentPid, long CpuTicks, int Nice, long RssPages, long SharedPages)
{
    /// <summary>Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture .NET runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>Resident pages of the process's own (anonymous) memory: its heaps and stacks, without the files it maps.</summary>
    /// <remarks>The DynamoDB emulator maps its LevelDB table files: over a six-stage capacity search its RSS reached 2,968 MiB (2026-11-30), most of it pages of those files the kernel can drop at any time.</remarks>
    public long PrivatePages => Math.Max(0, RssPages - SharedPages);

    /// <summary>Reads /proc/&lt;pid&gt;/stat and statm; null when the process is gone or unreadable.</summary>
    public static ProcProcess? Read(int pid)
    {
        string text, memory;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
            memory = File.ReadAllText($"/proc/{pid}/statm");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name in parentheses may hold spaces and parentheses itself: the fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');

        // After the name: state(0) ppid(1) … utime(11) stime(12) … nice(16) … rss(21); statm: size resident shared text lib data dt.
        var pages = memory.Split(' ');
        return fields.Length > 21 && pages.Length > 2
            ? new ProcProcess(pid, Int(fields[1]), Long(fields[11]) + Long(fields[12]), Int(fields[16]), Long(fields[21]), Long(pages[2]))
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
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>Every process id /proc lists now.</summary>
    public static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n is { Length: > 0 } && char.IsAsciiDigit(n[0])).Select(n => Int(n!));

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
