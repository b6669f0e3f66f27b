using System.Diagnostics;
using System.Runtime.InteropServices;
using Testbed.AppHost.Dashboard;

namespace Testbed.AppHost.Hosting;

/// <summary>Runs the declared resources: starts the dashboard, then the resources in order, prints a summary, and on Ctrl+C or SIGTERM stops them in reverse order.</summary>
public sealed class TestbedApp(IReadOnlyList<IResource> resources, TelemetryTarget telemetry, Func<Uri?> pipelineStatus, int dashboardPort)
{
    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        if (Environment.GetEnvironmentVariable("TESTBED_EXIT_WITH_PARENT") == "1")
        {
            // Started by another program (the load runner): stop when it ends, even if it was killed, as our services do.
            _ = Task.Run(
                () =>
                {
                    while (Console.In.ReadLine() is not null)
                    {
                    }

                    try
                    {
                        stopping.Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                        // Already stopped.
                    }
                },
                CancellationToken.None);
        }

        var started = new List<IResource>();
        var watch = Stopwatch.StartNew();
        DashboardServer? dashboard = null;
        try
        {
            dashboard = await DashboardServer.StartAsync(
                dashboardPort,
                new DashboardSources(resources, LogBook.Shared, pipelineStatus, telemetry, stopping.Token),
                stopping.Token).ConfigureAwait(false);
            telemetry.Dashboard = dashboard.Url;
            ConsoleLog.Write("dashboard", $"listening on {dashboard.Url}");

            foreach (var resource in resources)
            {
                ConsoleLog.Write(resource.Name, "starting…");
                started.Add(resource);
                await resource.StartAsync(stopping.Token).ConfigureAwait(false);
                ConsoleLog.Write(resource.Name, "ready");
            }

            PrintSummary(dashboard.Url, watch.Elapsed);
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

            if (dashboard is not null)
            {
                await dashboard.DisposeAsync().ConfigureAwait(false);
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

    private void PrintSummary(Uri dashboard, TimeSpan elapsed)
    {
        var lines = new List<string> { string.Empty, $"Testbed is up ({elapsed.TotalSeconds:0.0} s):", $"  {"dashboard",-10} {dashboard}" };
        if (telemetry.ExternalCollector is { } collector)
        {
            lines.Add($"  {"telemetry",-10} exported to {collector} (OTEL_EXPORTER_OTLP_ENDPOINT); the dashboard shows no traces");
        }

        foreach (var resource in resources)
        {
            lines.AddRange(resource.Describe().Select(line => $"  {resource.Name,-10} {line}"));
        }

        lines.Add("Press Ctrl+C to stop.");
        lines.Add(string.Empty);
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
