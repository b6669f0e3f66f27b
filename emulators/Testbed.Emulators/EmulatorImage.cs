using System.ComponentModel;

namespace Testbed.Emulators;

/// <summary>Testbed's LocalStack-compatible image (the three emulators behind the edge port 4566), built by emulators/image/build.sh when missing.</summary>
public static class EmulatorImage
{
    /// <summary>The image's repository; the tag is a hash of the lock file and the edge's sources.</summary>
    public const string Repository = "testbed/emulators";

    private const int NoEngine = 3;

    /// <summary>Builds the image unless this engine has it, and returns its tag; throws <see cref="EmulatorStartException"/> naming the fix.</summary>
    public static async Task<string> EnsureBuiltAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var emulators = EmulatorsDirectory.Locate();
        CommandRunner.Result result;
        try
        {
            result = await CommandRunner.RunAsync(
                "bash",
                [Path.Combine(emulators, "image", "build.sh")],
                emulators,
                line => progress?.Report(line),
                TimeSpan.FromMinutes(10),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception error)
        {
            throw new EmulatorStartException("bash was not found; the emulator image is built by emulators/image/build.sh.", error);
        }

        var tag = result.Tail.LastOrDefault(line => line.StartsWith(Repository + ":", StringComparison.Ordinal));
        return result.ExitCode switch
        {
            0 when tag is not null => tag,
            NoEngine => throw new EmulatorStartException("No Docker engine answers: start one (for example `dockerd &` after `apt-get install docker.io`), or use the Embedded mode."),
            _ => throw new EmulatorStartException(
                $"Building the emulator image failed (exit code {result.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, result.Tail)}"),
        };
    }

    /// <summary>Whether a Docker engine answers here (docker version reaches its server).</summary>
    public static async Task<bool> EngineAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await CommandRunner.RunAsync("docker", ["version", "--format", "{{.Server.Version}}"], Directory.GetCurrentDirectory(), null, TimeSpan.FromSeconds(15), cancellationToken)
                .ConfigureAwait(false);
            return result.ExitCode == 0;
        }
        catch (Exception error) when (error is Win32Exception or TimeoutException)
        {
            return false;
        }
    }
}
