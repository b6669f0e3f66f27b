using System.Globalization;
using System.Runtime.InteropServices;

namespace Testbed.LoadTests.Processes;

/// <summary>
/// Lowers the CPU priority of processes whose work no request waits for, so that on one machine they do not delay the requests
/// being measured, as they could not on AWS, where they run on machines of their own.
/// </summary>
public static partial class BackgroundPriority
{
    // setpriority(2)'s PRIO_PROCESS: on Linux its id is a thread's, so each thread of a process is lowered on its own.
    private const int PrioProcess = 0;

    /// <summary>Gives every thread of each of <paramref name="roots"/> and of their descendants the nice value <paramref name="nice"/>; returns what was lowered ("processor 1234").</summary>
    public static IReadOnlyList<string> Lower(IReadOnlyCollection<int> roots, int nice)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var all = ProcProcess.All().Select(ProcProcess.Read).OfType<ProcProcess>().ToDictionary(p => p.Pid);
        var lowered = new List<string>();
        foreach (var process in all.Values.Where(p => roots.Contains(p.Pid) || roots.Any(root => ProcProcess.IsDescendant(p, root, all))).OrderBy(p => p.Pid))
        {
            if (LowerThreads(process.Pid, nice))
            {
                var commandLine = ProcProcess.CommandLine(process.Pid);
                var name = ProcessNames.Of(commandLine) ?? Path.GetFileName(commandLine.Split(' ', 2)[0]);
                lowered.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {process.Pid}"));
            }
        }

        return lowered;
    }

    /// <summary>Gives every thread of <paramref name="pid"/> the nice value <paramref name="nice"/>; false when the process is gone.</summary>
    public static bool LowerThreads(int pid, int nice)
    {
        // A thread started later inherits its creator's value; going over the threads again catches one started meanwhile.
        var done = new HashSet<int>();
        for (var pass = 0; pass < 3; pass++)
        {
            var threads = ProcProcess.Threads(pid).Where(done.Add).ToList();
            if (threads.Count == 0)
            {
                return done.Count > 0;
            }

            foreach (var thread in threads)
            {
                // A thread that ended in between is no failure; any other refusal is (it would silently measure something else).
                if (SetPriority(PrioProcess, thread, nice) != 0 && Marshal.GetLastPInvokeError() != 3 /* ESRCH */)
                {
                    throw new InvalidOperationException($"Could not lower the CPU priority of thread {thread} of process {pid}: errno {Marshal.GetLastPInvokeError()}. Run with --background-nice 0 to leave priorities alone.");
                }
            }
        }

        return true;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int prio);
}
