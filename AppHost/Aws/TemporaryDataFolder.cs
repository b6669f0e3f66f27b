using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Testbed.AppHost.Aws;

/// <summary>
/// The emulators' data folder of one run when AppHost:DataDirectory is empty: on disk, so an emulator stopped and started
/// from the dashboard keeps its streams and tables; removed when the AppHost stops. Its name carries the AppHost's process
/// id, so the next AppHost removes the folders of one that was killed before it could; one whose model was built but never started removes it on exit.
/// </summary>
public sealed class TemporaryDataFolder : IHostedService
{
    private const string Prefix = "testbed-aws-";

    /// <summary>Removes the folders of AppHosts that no longer run, then makes this one's.</summary>
    public TemporaryDataFolder()
    {
        RemoveLeftovers();
        Path = Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-").FullName;

        // An application model built but never started (a test of the model) never stops either: the folder goes when the process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Remove();
        return Task.CompletedTask;
    }

    private void Remove()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // An emulator still writing: the folder is in the system's temporary space and is left to it.
        }
    }

    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            var owner = System.IO.Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // Another user's folder, or one in use: not ours to force.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
