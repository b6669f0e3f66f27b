using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Testbed.Emulators;

/// <summary>Stops a child process the polite way first: a POSIX signal, then a kill of its whole tree if it has not ended within the grace time.</summary>
public static partial class GracefulStop
{
    /// <summary>SIGINT, as Ctrl+C sends.</summary>
    public const int Interrupt = 2;

    /// <summary>SIGTERM, as `kill` and service managers send.</summary>
    public const int Terminate = 15;

    /// <summary>Signals the process and waits for it; kills what is left after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(Process process, int signal, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        _ = Kill(process.Id, signal);
        using var limit = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
