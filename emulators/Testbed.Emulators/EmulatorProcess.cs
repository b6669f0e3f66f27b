using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Testbed.Emulators;

/// <summary>One running emulator: a Node.js child process running emulators/launch.js, with its output kept.</summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "testbed-emulator ready ";
    private const string FailedPrefix = "testbed-emulator failed ";
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _exited;

    private EmulatorProcess(EmulatorService service, Process process)
    {
        Service = service;
        _process = process;
    }

    /// <summary>Which service this emulates.</summary>
    public EmulatorService Service { get; }

    /// <summary>The process id, for display and for tests that look for it.</summary>
    public int ProcessId { get; private set; }

    /// <summary>The port it listens on, once ready.</summary>
    public int Port { get; private set; }

    /// <summary>Its URL, once ready.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => Volatile.Read(ref _exited);

    /// <summary>The last lines it wrote to stdout and stderr.</summary>
    public OutputBuffer Output { get; } = new();

    /// <summary>Raised for every line it writes.</summary>
    public event Action<EmulatorService, string>? OutputReceived;

    /// <summary>Starts the launcher and waits for its ready line; throws <see cref="EmulatorStartException"/> on failure or timeout.</summary>
    public static async Task<EmulatorProcess> StartAsync(
        EmulatorService service,
        string emulatorsDirectory,
        string dataDirectory,
        EmulatorHostOptions options,
        CancellationToken cancellationToken)
    {
        var port = options.Ports.TryGetValue(service, out var fixedPort) ? fixedPort : 0;
        var info = new ProcessStartInfo(options.NodeExecutable)
        {
            WorkingDirectory = emulatorsDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in LaunchArguments(service, options.Host, port, dataDirectory))
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var emulator = new EmulatorProcess(service, process);
        process.OutputDataReceived += (_, e) => emulator.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Receive(e.Data);
        process.Exited += (_, _) => emulator.OnExited();
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            process.Dispose();
            throw new EmulatorStartException($"Could not start Node.js ('{options.NodeExecutable}') for the {service} emulator: {error.Message}", error);
        }

        emulator.ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var actualPort = await emulator._ready.Task.WaitAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
            emulator.Port = actualPort;
            emulator.Endpoint = new Uri($"http://{options.Host}:{actualPort.ToString(CultureInfo.InvariantCulture)}/");
            return emulator;
        }
        catch (TimeoutException)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw emulator.StartFailure($"did not report ready within {options.StartTimeout.TotalSeconds:0} s");
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends the process at once, as a crash would; used by tests and by restarts.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Asks the emulator to close (by closing its stdin, which flushes its store), then kills what is left after a grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Kill();
                    await _process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started or is already disposed.
        }
        catch (IOException)
        {
            Kill();
        }
        finally
        {
            Volatile.Write(ref _exited, true);
            _process.Dispose();
        }
    }

    private static IEnumerable<string> LaunchArguments(EmulatorService service, string host, int port, string dataDirectory)
    {
        foreach (var flag in EmulatorNode.Flags)
        {
            yield return flag;
        }

        yield return "launch.js";
        yield return service.ToString().ToLowerInvariant();
        yield return "--host";
        yield return host;
        yield return "--port";
        yield return port.ToString(CultureInfo.InvariantCulture);
        yield return "--path";
        yield return Path.Combine(dataDirectory, service.ToString().ToLowerInvariant());
        if (service == EmulatorService.S3)
        {
            yield return "--access-key";
            yield return Aws.Configuration.AwsOptions.EmbeddedAccessKeyId;
            yield return "--secret-key";
            yield return Aws.Configuration.AwsOptions.EmbeddedSecretAccessKey;
            yield return "--silent";
            yield return "true";
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private void OnExited()
    {
        Volatile.Write(ref _exited, true);
        if (_ready.Task.IsCompleted)
        {
            return;
        }

        // Exited can come before the last output lines; let them drain so a "failed" line explains the exit.
        _ = Task.Run(() =>
        {
            try
            {
                _process.WaitForExit();
                _ready.TrySetException(StartFailure($"exited with code {SafeExitCode(_process)} before it was ready"));
            }
            catch (InvalidOperationException)
            {
                _ready.TrySetException(StartFailure("exited before it was ready"));
            }
        });
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        Output.Add(line);
        OutputReceived?.Invoke(Service, line);
        if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(line.LastIndexOf(' ') + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            _ready.TrySetResult(port);
        }
        else if (line.StartsWith(FailedPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetException(StartFailure(Explain(line[FailedPrefix.Length..])));
        }
    }

    private static string Explain(string failure)
    {
        // "<service> <code> <message>"
        var parts = failure.Split(' ', 3);
        var code = parts.Length > 1 ? parts[1] : string.Empty;
        var message = parts.Length > 2 ? parts[2] : failure;
        return code switch
        {
            "EADDRINUSE" => $"could not listen: the port is already in use ({message}). Choose another port, or 0 for a free one, or stop the process holding it",
            "EACCES" => $"could not listen: permission denied ({message})",
            _ => $"failed: {code} {message}",
        };
    }

    private EmulatorStartException StartFailure(string what)
    {
        var output = Output.Lines().TakeLast(20).ToList();
        var tail = output.Count == 0 ? string.Empty : $"{Environment.NewLine}Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}";
        return new EmulatorStartException($"The {Service} emulator {what}.{tail}");
    }
}
