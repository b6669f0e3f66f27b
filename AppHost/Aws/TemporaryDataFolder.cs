using Microsoft.Extensions.Hosting;

namespace Testbed.AppHost.Aws;

/// <summary>The emulators' data folder of one run when AppHost:DataDirectory is empty: on disk, so an emulator stopped and started from the dashboard keeps its streams and tables; removed when the AppHost stops.</summary>
public sealed class TemporaryDataFolder : IHostedService
{
    /// <summary>The folder's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("testbed-aws-").FullName;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // An emulator still writing: the folder is in the system's temporary space and is left to it.
        }

        return Task.CompletedTask;
    }
}
