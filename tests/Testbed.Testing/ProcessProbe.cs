namespace Testbed.Testing;

/// <summary>Looks at processes the way `ps` does, to prove none was left behind.</summary>
public static class ProcessProbe
{
    /// <summary>Whether the process runs (a zombie awaiting its parent's reaping counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Ids of the running processes whose command line contains the text.</summary>
    public static IReadOnlyList<int> WithCommandLineContaining(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal) && IsAlive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // It ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>The running processes whose environment holds the variable with the value, with each one's command line.</summary>
    public static IReadOnlyDictionary<int, string> WithEnvironment(string name, string value)
    {
        var wanted = $"{name}={value}";
        var found = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(wanted) && IsAlive(pid))
                {
                    found[pid] = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>Whether the process holds a listening TCP socket (IPv4 or IPv6), as /proc shows it now.</summary>
    public static bool IsListening(int pid)
    {
        try
        {
            var sockets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    sockets.Add(target[8..^1]);
                }
            }

            // Each table's first line names its columns; a row: sl local remote st ... uid timeout inode, state 0A being LISTEN.
            return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
                .SelectMany(table => File.ReadLines(table).Skip(1))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Any(row => row.Length > 9 && row[3] == "0A" && sockets.Contains(row[9]));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The .NET runtime's files of a process in the temp folder, its diagnostics socket and debugger pipes: removed by a process that ends on its own, left by one that is killed.</summary>
    public static string[] RuntimeFilesOf(int pid) =>
        [.. Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket"), .. Directory.GetFiles(Path.GetTempPath(), $"clr-debug-pipe-{pid}-*")];

    /// <summary>The process's children, their children and so on, with each one's command line, as /proc shows them now.</summary>
    public static IReadOnlyDictionary<int, string> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        var commandLines = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                commandLines[pid] = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (IOException)
            {
            }
        }

        var found = new Dictionary<int, string>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, ppid) in parents)
            {
                if (ppid == parent && found.TryAdd(pid, commandLines.GetValueOrDefault(pid, "")))
                {
                    frontier.Enqueue(pid);
                }
            }
        }

        return found;
    }
}
