using Testbed.AppHost.Hosting;

namespace Testbed.AppHost.Resources;

/// <summary>One replica of a service: keeps a process running on one port, restarts it with backoff when it crashes, probes its health, and can be stopped and started on request.</summary>
public sealed class ServiceSlot(string label, Func<int, ServiceInstance> launch) : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private ServiceInstance? _instance;
    private Task _supervision = Task.CompletedTask;
    private Task _probing = Task.CompletedTask;
    private volatile bool _wanted = true;
    private volatile bool _healthy;
    private int _port;
    private int _restarts;

    /// <summary>The row's name: the service's, or service-N for a replica.</summary>
    public string Label { get; } = label;

    /// <summary>Where it is in its life.</summary>
    public ResourceState State { get; private set; } = ResourceState.Waiting;

    /// <summary>The running process, if any.</summary>
    public ServiceInstance? Instance => _instance;

    /// <summary>How often it was restarted after a crash.</summary>
    public int Restarts => _restarts;

    /// <summary>Healthy or Unhealthy from the last probe of /health while it runs; null otherwise.</summary>
    public string? Health => State is ResourceState.Running or ResourceState.Starting && _instance?.Url is not null ? (_healthy ? "Healthy" : "Unhealthy") : null;

    /// <summary>Starts the first process on <paramref name="port"/> (0: a free one), waits until it is healthy, then supervises it.</summary>
    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        _port = port;
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
        _supervision = Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        _probing = Task.Run(() => ProbeAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops the process (SIGTERM, then kill) and keeps it stopped until <see cref="ResumeAsync"/>.</summary>
    public async Task PauseAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _wanted = false;
            if (_instance is { } instance)
            {
                ConsoleLog.Write(Label, "stopping (asked from the dashboard)");
                await instance.DisposeAsync().ConfigureAwait(false);
                _instance = null;
            }

            State = ResourceState.Stopped;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts a stopped process again on its previous port; returns once it is healthy.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        if (_wanted)
        {
            return;
        }

        _wanted = true;
        ConsoleLog.Write(Label, "starting (asked from the dashboard)");
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
        _wake.Release();
    }

    /// <summary>Ends supervision and stops the process.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_supervision, _probing).ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        if (_instance is { } instance)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            _instance = null;
        }

        State = ResourceState.Stopped;
        _stopping.Dispose();
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        ServiceInstance fresh;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            State = State == ResourceState.Restarting ? ResourceState.Restarting : ResourceState.Starting;
            fresh = launch(_port);
            _instance = fresh;
        }
        finally
        {
            _gate.Release();
        }

        try
        {
            await fresh.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            State = ResourceState.Failed;
            throw;
        }

        // The same port after a restart, so the URLs printed at start stay right.
        _port = fresh.Url!.Port;
        _healthy = true;
        State = ResourceState.Running;
    }

    // Waits for the process to exit; unless it was stopped on purpose, starts it again on the same port after a growing pause.
    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var backoff = FirstBackoff;
        var startedAt = DateTimeOffset.UtcNow;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!_wanted || _instance is not { } instance)
                {
                    await _wake.WaitAsync(stopping).ConfigureAwait(false);
                    startedAt = DateTimeOffset.UtcNow;
                    continue;
                }

                var exitCode = await instance.Exited.WaitAsync(stopping).ConfigureAwait(false);
                if (!_wanted || !ReferenceEquals(instance, _instance))
                {
                    continue;
                }

                if (DateTimeOffset.UtcNow - startedAt > StableAfter)
                {
                    backoff = FirstBackoff;
                }

                State = ResourceState.Restarting;
                Interlocked.Increment(ref _restarts);
                ConsoleLog.Write(Label, $"exited with code {exitCode}; restarting in {backoff.TotalSeconds:0} s");
                await Task.Delay(backoff, stopping).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                if (!_wanted)
                {
                    continue;
                }

                await instance.DisposeAsync().ConfigureAwait(false);
                startedAt = DateTimeOffset.UtcNow;
                await LaunchAsync(stopping).ConfigureAwait(false);
                ConsoleLog.Write(Label, $"restarted at {_instance?.Url} (pid {_instance?.ProcessId})");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is InvalidOperationException or TimeoutException)
            {
                State = ResourceState.Restarting;
                ConsoleLog.Write(Label, $"restart failed: {error.Message}");
            }
        }
    }

    private async Task ProbeAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(HealthEvery, stopping).ConfigureAwait(false);
                if (_instance is { } instance)
                {
                    _healthy = await instance.IsHealthyAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
