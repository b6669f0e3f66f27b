using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace Testbed.ServiceDefaults;

/// <summary>The host lifetime of a service the AppHost runs: SIGTERM stops it, SIGINT is left to the AppHost, which stops its services in order when Ctrl+C reaches the whole process group.</summary>
public sealed class ParentManagedLifetime(IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private PosixSignalRegistration? _terminate;
    private PosixSignalRegistration? _interrupt;

    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            lifetime.StopApplication();
        });
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        _terminate?.Dispose();
        _interrupt?.Dispose();
    }
}
