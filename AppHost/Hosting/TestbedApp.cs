using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Testbed.AppHost.Hosting;

/// <summary>Runs the declared resources: starts them in order, prints a summary, and on Ctrl+C or SIGTERM stops them in reverse order.</summary>
public sealed class TestbedApp(IReadOnlyList<IResource> resources)
{
    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var started = new List<IResource>();
        var watch = Stopwatch.StartNew();
        try
        {
            foreach (var resource in resources)
            {
                ConsoleLog.Write(resource.Name, "starting…");
                await resource.StartAsync(stopping.Token).ConfigureAwait(false);
                started.Add(resource);
                ConsoleLog.Write(resource.Name, "ready");
            }

            PrintSummary(watch.Elapsed);
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception error)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"Testbed could not start: {error.Message}");
            return 1;
        }
        finally
        {
            for (var i = started.Count - 1; i >= 0; i--)
            {
                ConsoleLog.Write(started[i].Name, "stopping…");
                await started[i].StopAsync().ConfigureAwait(false);
            }

            ConsoleLog.Write("apphost", "stopped");
        }

        void OnSignal(PosixSignalContext context)
        {
            // Shut down in order ourselves instead of letting the runtime end the process.
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private void PrintSummary(TimeSpan elapsed)
    {
        var lines = new List<string> { string.Empty, $"Testbed is up ({elapsed.TotalSeconds:0.0} s):" };
        foreach (var resource in resources)
        {
            lines.AddRange(resource.Describe().Select(line => $"  {resource.Name,-10} {line}"));
        }

        lines.Add("Press Ctrl+C to stop.");
        lines.Add(string.Empty);
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
