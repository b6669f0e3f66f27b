using System.Globalization;

namespace Testbed.LoadTests.Processes;

/// <summary>One process as /proc shows it: parent, CPU time and resident set.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="ParentPid">The parent's process id.</param>
/// <param name="CpuTicks">User plus system time, in clock ticks.</param>
/// <param name="RssPages">The resident set, in pages.</param>
internal readonly record struct ProcProcess(int Pid, int ParentPid, long CpuTicks, long RssPages)
{
    /// <summary>Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture .NET runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>Reads /proc/&lt;pid&gt;/stat; null when the process is gone or unreadable.</summary>
    public static ProcProcess? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
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

        // After the name: state(0) ppid(1) … utime(11) stime(12) … rss(21).
        return fields.Length > 21
            ? new ProcProcess(pid, Int(fields[1]), Long(fields[11]) + Long(fields[12]), Long(fields[21]))
            : null;
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
