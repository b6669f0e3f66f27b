using System.Diagnostics;
using System.Globalization;
using Testbed.LoadTests.Cli;
using Testbed.LoadTests.Processes;

namespace Testbed.LoadTests.Tests;

/// <summary>The embedded stack's background side runs at a lower CPU priority: every thread of a process and of its children, as `ps -L -o ni` shows.</summary>
public sealed class BackgroundPriorityTests
{
    [Fact]
    public async Task Every_thread_of_a_process_and_of_its_children_gets_the_nice_value()
    {
        // A shell with two children: the root and its descendants are lowered; this test process is not.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 60 & sleep 60 & wait"]) { UseShellExecute = false })!;
        try
        {
            var children = await ChildrenOfAsync(shell.Id, 2);

            var lowered = BackgroundPriority.Lower([shell.Id], 7);

            Assert.Equal(3, lowered.Count);
            Assert.All(children.Append(shell.Id), pid => Assert.All(ThreadNices(pid), nice => Assert.Equal(7, nice)));
            Assert.All(ThreadNices(Environment.ProcessId), nice => Assert.Equal(0, nice));
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            await shell.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void A_process_that_is_gone_is_not_lowered() => Assert.False(BackgroundPriority.LowerThreads(int.MaxValue, 10));

    [Fact]
    public void The_nice_value_is_10_unless_set_and_a_value_out_of_range_is_refused()
    {
        Assert.Equal(10, LoadOptions.Parse(["ingest-single"]).BackgroundNice);
        Assert.Equal(0, LoadOptions.Parse(["ingest-single", "--background-nice", "0"]).BackgroundNice);

        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["ingest-single", "--background-nice", "20"]));
        Assert.Contains("--background-nice: '20' is not a nice value from 0", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<int>> ChildrenOfAsync(int parent, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var children = Directory.EnumerateDirectories("/proc")
                .Select(Path.GetFileName)
                .Where(n => n is { Length: > 0 } && char.IsAsciiDigit(n[0]))
                .Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
                .Where(pid => ParentOf(pid) == parent)
                .ToList();
            if (children.Count >= count)
            {
                return children;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The nice value of each thread: field 19 of /proc/<pid>/task/<tid>/stat, the 17th after the command name.
    private static IEnumerable<int> ThreadNices(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .Select(task => File.ReadAllText(Path.Combine(task, "stat")))
            .Select(stat => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture))
            .ToList();
}
