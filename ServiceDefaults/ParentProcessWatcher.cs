using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Testbed.ServiceDefaults;

/// <summary>Stops the service when the process that started it goes away: the AppHost keeps our stdin open, so end-of-file means it died, even by SIGKILL.</summary>
public sealed partial class ParentProcessWatcher(IHostApplicationLifetime lifetime, ILogger<ParentProcessWatcher> logger) : IHostedService
{
    /// <summary>The variable the AppHost sets to ask for this.</summary>
    public const string EnvironmentVariable = "TESTBED_EXIT_WITH_PARENT";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A blocking read on a background thread: console reads ignore cancellation, and this one must not hold up shutdown.
        var thread = new Thread(WaitForEndOfInput) { IsBackground = true, Name = "parent-process-watcher" };
        thread.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WaitForEndOfInput()
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        try
        {
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
        }

        LogParentGone(logger);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The process that started this service is gone (stdin closed); stopping")]
    private static partial void LogParentGone(ILogger logger);
}
