using System.ComponentModel;
using Testbed.Emulators;

namespace Testbed.AppHost.Resources;

/// <summary>Runs the docker command line and reports what it printed.</summary>
public static class DockerCli
{
    /// <summary>Runs `docker args…`; returns the exit code (-1 when docker is missing or did not answer in time) and its output lines, stdout and stderr together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var result = await CommandRunner.RunAsync("docker", args, Directory.GetCurrentDirectory(), null, timeout, cancellationToken).ConfigureAwait(false);
            return (result.ExitCode, string.Join('\n', result.Tail));
        }
        catch (Win32Exception)
        {
            return (-1, "docker is not installed (not found on PATH)");
        }
        catch (TimeoutException error)
        {
            return (-1, error.Message);
        }
    }
}
