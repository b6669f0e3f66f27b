using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Testbed.Testing;

/// <summary>A .NET program run as its own process by a test, with its console kept; killed with its children when disposed.</summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything it printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Its exit code once it has exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts `dotnet <paramref name="assemblyPath"/>` with arguments and extra environment variables.</summary>
    public static ChildProcess Start(string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        info.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the output contains the text; fails with the output when the process exits or the time is up.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        await Eventually.HoldsAsync(() => Output.Contains(text, StringComparison.Ordinal) || _process.HasExited, timeout, $"'{text}' in the output of {Path.GetFileName(_process.StartInfo.ArgumentList[0])}");
        if (!Output.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{_process.StartInfo.ArgumentList[0]} exited with {_process.ExitCode} before printing '{text}':\n{Output}");
        }
    }

    /// <summary>Sends a POSIX signal: 2 as Ctrl+C does, 15 as `kill` does, 9 as a crash.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed.");
        }
    }

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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
