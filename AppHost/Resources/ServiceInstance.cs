using System.Diagnostics;
using System.Text.RegularExpressions;
using Testbed.AppHost.Hosting;
using Testbed.Emulators;

namespace Testbed.AppHost.Resources;

/// <summary>One running process of a service: its console forwarded under its label, and the URL Kestrel reports.</summary>
public sealed partial class ServiceInstance : IAsyncDisposable
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceInstance(string label, Process process)
    {
        Label = label;
        _process = process;
    }

    /// <summary>The name shown in front of its log lines (processor-1, …).</summary>
    public string Label { get; }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Where it answers, once Kestrel listens.</summary>
    public Uri? Url => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts `dotnet assembly` with the environment; its stdin stays open so it can tell when the AppHost dies.</summary>
    public static ServiceInstance Start(string label, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var instance = new ServiceInstance(label, process);
        process.OutputDataReceived += (_, e) => instance.Forward(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Forward(e.Data);
        process.Exited += (_, _) => instance._exited.TrySetResult(SafeExitCode(process));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>Waits until it listens and /health answers 200; fails if it exits first or takes over a minute.</summary>
    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Label} exited with code {_process.ExitCode} while starting; its output is above.");
            }

            if (await IsHealthyAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Label} did not answer /health within 60 s.");
    }

    /// <summary>Whether it listens and its /health answers 200 now.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (Url is not { } url)
        {
            return false;
        }

        try
        {
            using var health = await HealthClient.GetAsync(new Uri(url, "health"), cancellationToken).ConfigureAwait(false);
            return health.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own time limit: a service too busy to answer is not healthy.
            return false;
        }
    }

    /// <summary>Asks it to stop (SIGTERM, so a processor hands its leases back), then kills what is left after 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        await GracefulStop.StopAsync(_process, GracefulStop.Terminate, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private void Forward(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }

        ConsoleLog.Write(Label, line);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
