using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Testbed.Aws.Configuration;
using Testbed.Testing;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>The AppHost run as its own process, as `dotnet run --project AppHost` runs it, with its console kept.</summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputLines _output = new();

    private AppHostProcess(Process process) => _process = process;

    /// <summary>The AppHost's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything it printed so far.</summary>
    public string Output => _output.Text;

    /// <summary>Whether it has exited, and with which code.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts the AppHost with extra command-line settings and waits for its "Press Ctrl+C" summary.</summary>
    public static async Task<AppHostProcess> StartAsync(params string[] settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Testbed.AppHost.dll"));
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        var process = new Process { StartInfo = info };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => host._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host._output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.HoldsAsync(
                () => host.Output.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal) || process.HasExited,
                TimeSpan.FromMinutes(4),
                "the AppHost printed its summary");
            Assert.False(process.HasExited, $"The AppHost exited early:\n{host.Output}");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>The emulator endpoints the summary printed, as Embedded-mode options.</summary>
    public AwsOptions PrintedAwsOptions()
    {
        Uri Endpoint(string service) => new(EndpointLine().Matches(Output).Single(m => m.Groups[1].Value == service).Groups[2].Value);
        return new AwsOptions
        {
            KinesisServiceUrl = Endpoint("Kinesis"),
            DynamoDbServiceUrl = Endpoint("DynamoDb"),
            S3ServiceUrl = Endpoint("S3"),
        };
    }

    /// <summary>The emulator process ids the summary printed.</summary>
    public IReadOnlyList<int> PrintedEmulatorPids() =>
        [.. EndpointLine().Matches(Output).Select(m => int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Sends a POSIX signal, as Ctrl+C (SIGINT), `kill` (SIGTERM) or a crash (SIGKILL) would.</summary>
    public void Signal(int signal) => Assert.Equal(0, Kill(_process.Id, signal));

    /// <summary>Waits for the process to end.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [GeneratedRegex(@"^\s+aws\s+(Kinesis|DynamoDb|S3)\s+(http://\S+) \(pid (\d+)\)", RegexOptions.Multiline)]
    private static partial Regex EndpointLine();

    private sealed class OutputLines
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _text.AppendLine(line);
            }
        }
    }
}
