using Testbed.AppHost.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>The AppHost as a process: however it ends, no process of the stack is left behind; stopped, every service ends on its own.</summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Signals.Terminate)]
    [InlineData(Signals.Interrupt)]
    [InlineData(Signals.Kill)]
    public async Task After_a_signal_to_the_AppHost_no_process_of_the_stack_is_left_within_30_s(int signal)
    {
        var prefix = UniqueName.For("signal");
        await using var appHost = await AppHostProcess.StartAsync(prefix);
        var stack = AppHostProcess.StackOf(prefix);
        Assert.NotEmpty(stack);
        var folders = AppHostProcess.DataFoldersOf(stack);

        try
        {
            appHost.Signal(signal);

            await Eventually.HoldsAsync(
                () => !stack.Keys.Any(ProcessProbe.IsAlive) && appHost.HasExited,
                Bound,
                $"every process of the stack has ended after signal {signal}; left: {string.Join(", ", stack.Where(p => ProcessProbe.IsAlive(p.Key)).Select(p => p.Value))}");

            if (signal != Signals.Kill)
            {
                // A .NET process that ends on its own removes its diagnostics socket and debugger pipes from the temp folder; one the
                // orchestrator had to kill (it gives a stopping process 6 s), a service or its `dotnet run` launcher, leaves them there.
                var left = stack.Where(p => ProcessProbe.RuntimeFilesOf(p.Key).Length > 0).Select(p => $"{p.Key}: {p.Value}").ToList();
                Assert.True(left.Count == 0, $"every .NET process of the stack ended on its own after signal {signal}; killed: {string.Join(", ", left)}");
            }
        }
        finally
        {
            // A killed AppHost cannot remove its emulators' temporary folder (the next AppHost would), nor its own diagnostics socket:
            // the test removes what it caused.
            foreach (var folder in folders.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var file in stack.Keys.Append(appHost.ProcessId).Where(p => !ProcessProbe.IsAlive(p)).SelectMany(ProcessProbe.RuntimeFilesOf))
            {
                File.Delete(file);
            }
        }
    }
}
