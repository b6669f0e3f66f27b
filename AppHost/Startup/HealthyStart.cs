using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Testbed.AppHost.Startup;

/// <summary>Starts a built AppHost from code (the load runner, the test suites) until the named resources are healthy, failing as soon as one of them ends.</summary>
public static class HealthyStart
{
    /// <summary>Starts <paramref name="app"/> and waits until each of <paramref name="resources"/> is healthy, within <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">A resource ended while starting, or not all were healthy within the limit; the message names them and their states.</exception>
    public static async Task StartHealthyAsync(this DistributedApplication app, IReadOnlyCollection<string> resources, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(resources);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(limit);

        // The orchestrator's start returns once every resource has been created, and a resource waiting for a dependency that ended
        // waits on until the bound: Aspire 13.6 keeps waiting for the health of an emulator that has exited (its port was taken).
        // Waiting for each resource's health beside the start, stopping when it ends, sees that at once and ends the start.
        async Task WaitHealthyAsync(string name)
        {
            try
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, WaitBehavior.StopOnResourceUnavailable, bound.Token).ConfigureAwait(false);
            }
            catch (DistributedApplicationException)
            {
                await bound.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var healthy = Task.WhenAll(resources.Select(WaitHealthyAsync));
        Exception failure;
        try
        {
            await app.StartAsync(bound.Token).ConfigureAwait(false);
            await healthy.ConfigureAwait(false);
            return;
        }
        catch (Exception error)
        {
            failure = error;
        }

        // Whatever failed, no wait outlives the start: each ends once the bound is cancelled.
        await bound.CancelAsync().ConfigureAwait(false);
        await healthy.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested || failure is not (OperationCanceledException or DistributedApplicationException))
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        // The first resource that ended is the reason; else the time ran out.
        var ended = healthy.Exception?.InnerExceptions.OfType<DistributedApplicationException>().FirstOrDefault();
        var why = ended?.Message ?? $"Not every resource was healthy within {limit.TotalSeconds:0} s.";
        var lastLines = await LastLinesAsync(app, [.. resources, "provision"]).ConfigureAwait(false);
        throw new InvalidOperationException($"The AppHost did not start: {why} {Describe(app, resources)}{lastLines}", ended ?? failure);
    }

    // The last lines of each resource whose process ended with a failure (an emulator whose port was taken, a service that crashed,
    // a provisioning that timed out): where it says why, so that a failed start in CI names its cause.
    private static async Task<string> LastLinesAsync(DistributedApplication app, IReadOnlyCollection<string> names)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var text = new StringBuilder();
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(r => names.Contains(r.Name)))
        {
            if (!app.ResourceNotifications.TryGetCurrentState(resource.Name, out var current)
                || current.Snapshot.State?.Text is not { } state
                || (state != KnownResourceStates.Exited && state != KnownResourceStates.Finished)
                || current.Snapshot.ExitCode == 0)
            {
                continue;
            }

            var lines = new List<string>();
            using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(enough.Token).ConfigureAwait(false))
                {
                    lines.AddRange(batch.Select(line => line.Content));
                }
            }
            catch (OperationCanceledException)
            {
                // What arrived within the time is enough.
            }

            text.Append(CultureInfo.InvariantCulture, $" {resource.Name} ended (exit code {current.Snapshot.ExitCode}); its last lines: {string.Join(" | ", lines.TakeLast(5))}.");
        }

        return text.Length == 0 ? " The resources' logs say why." : text.ToString();
    }

    // "Not healthy: kinesis (Finished), ingestion (Waiting)." A replicated resource has no single state and is left out.
    private static string Describe(DistributedApplication app, IEnumerable<string> resources)
    {
        var waiting = resources
            .Select(name => app.ResourceNotifications.TryGetCurrentState(name, out var current) ? (Name: name, current.Snapshot) : (Name: name, Snapshot: null))
            .Where(r => r.Snapshot is { } snapshot && snapshot.HealthStatus != HealthStatus.Healthy)
            .Select(r => $"{r.Name} ({r.Snapshot!.State?.Text ?? "no state"})")
            .ToList();
        return waiting.Count == 0 ? string.Empty : $"Not healthy: {string.Join(", ", waiting)}.";
    }
}
