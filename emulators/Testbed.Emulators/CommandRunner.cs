using System.ComponentModel;
using System.Diagnostics;

namespace Testbed.Emulators;

/// <summary>Runs a short-lived command to its end, streaming its output lines, with a time limit.</summary>
public static class CommandRunner
{
    /// <summary>The command's exit code and its last output lines.</summary>
    public sealed record Result(int ExitCode, IReadOnlyList<string> Tail);

    /// <summary>Runs the command; a missing executable throws <see cref="Win32Exception"/>.</summary>
    public static async Task<Result> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        Action<string>? onLine,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var tail = new OutputBuffer(40);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"'{fileName} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new Result(process.ExitCode, tail.Lines());

        void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            tail.Add(line);
            onLine?.Invoke(line);
        }
    }
}
