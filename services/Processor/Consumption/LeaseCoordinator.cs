using Microsoft.Extensions.Options;
using Testbed.Aws.Kinesis;
using Testbed.Infra.Definition;
using Testbed.Processor.Leases;

namespace Testbed.Processor.Consumption;

/// <summary>Shares the shards between processor instances as the Kinesis Client Library does: renews its leases, takes expired ones, steals toward an even share, and runs a consumer per held lease.</summary>
public sealed class LeaseCoordinator(
    IKinesisClient kinesis,
    LeaseTable table,
    ShardConsumer consumer,
    PipelineResources resources,
    IOptions<ProcessorOptions> options,
    TimeProvider time,
    ILogger<LeaseCoordinator> logger) : BackgroundService
{
    private static readonly TimeSpan HandBackLimit = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, (HeldLease Lease, Task Consumer)> _held = [];
    private readonly Dictionary<string, (long Counter, DateTimeOffset Since)> _observed = [];

    /// <summary>This instance's worker id in the lease table.</summary>
    public string WorkerId { get; } = string.IsNullOrWhiteSpace(options.Value.WorkerId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"
        : options.Value.WorkerId;

    /// <summary>The shards this instance holds now.</summary>
    public IReadOnlyCollection<string> HeldShards
    {
        get
        {
            lock (_held)
            {
                return [.. _held.Keys];
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Processor worker {Worker} starting on stream {Stream}", WorkerId, resources.Stream.Name);
        var cycle = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (cycle++ % 20 == 0)
                    {
                        var shards = await kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: stoppingToken).ConfigureAwait(false);
                        await table.EnsureAsync(shards.Select(s => s.ShardId), stoppingToken).ConfigureAwait(false);
                    }

                    await RenewAsync(stoppingToken).ConfigureAwait(false);
                    await BalanceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    // Any failure here (a timed-out call included) must not end the worker: the host would stop with it.
                    logger.LogWarning(error, "Lease cycle failed; trying again");
                }

                await Task.Delay(options.Value.EffectiveRenewInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await ReleaseAllAsync().ConfigureAwait(false);
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        List<(string Shard, HeldLease Lease, Task Consumer)> held;
        lock (_held)
        {
            held = [.. _held.Select(h => (h.Key, h.Value.Lease, h.Value.Consumer))];
        }

        foreach (var (shard, lease, running) in held)
        {
            if (running.IsCompleted || !await lease.RenewAsync(table, cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("Worker {Worker} no longer works on {Shard}", WorkerId, shard);
                lease.MarkLost();
                try
                {
                    await running.ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    logger.LogError(error, "The consumer of {Shard} failed; the lease is given up for a fresh start", shard);
                    await table.ReleaseAsync(lease.Current, cancellationToken).ConfigureAwait(false);
                }

                lock (_held)
                {
                    _held.Remove(shard);
                }

                lease.Dispose();
            }
        }
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leases = await table.ListAsync(cancellationToken).ConfigureAwait(false);
        var expired = new List<Lease>();
        foreach (var lease in leases)
        {
            if (!_observed.TryGetValue(lease.ShardId, out var seen) || seen.Counter != lease.Counter)
            {
                _observed[lease.ShardId] = (lease.Counter, now);
            }

            var stale = now - _observed[lease.ShardId].Since > options.Value.LeaseTimeout;
            if (lease.Owner != WorkerId && (lease.Owner is null || stale))
            {
                expired.Add(lease);
            }
        }

        HashSet<string> working;
        lock (_held)
        {
            working = [.. _held.Keys];
        }

        // Leases recorded as ours that we do not work on (this worker id restarted): take them back at once.
        var orphaned = leases.Where(l => l.Owner == WorkerId && !working.Contains(l.ShardId)).ToList();
        var live = leases.Where(l => l.Owner is not null && l.Owner != WorkerId && !expired.Contains(l)).ToList();
        var workers = live.Select(l => l.Owner!).Append(WorkerId).Distinct().Count();
        var target = (int)Math.Ceiling(leases.Count / (double)workers);
        var mine = working.Count;

        var toTake = orphaned.Concat(expired.OrderBy(_ => Random.Shared.Next())).Take(Math.Max(0, target - mine)).ToList();
        if (toTake.Count == 0 && mine < target)
        {
            // Nothing free: take one lease from the busiest worker, as KCL's lease stealing does.
            var busiest = live.GroupBy(l => l.Owner).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (busiest is not null && busiest.Count() > target)
            {
                toTake.Add(busiest.First());
            }
        }

        foreach (var lease in toTake)
        {
            var taken = await table.TryTakeAsync(lease, WorkerId, cancellationToken).ConfigureAwait(false);
            if (taken is null)
            {
                continue;
            }

            logger.LogInformation("Worker {Worker} took {Shard} (was {Owner}) at checkpoint {Checkpoint}", WorkerId, taken.ShardId, lease.Owner ?? "free", taken.Checkpoint);
            var held = new HeldLease(taken);
            lock (_held)
            {
                _held[taken.ShardId] = (held, Task.Run(() => consumer.RunAsync(held, cancellationToken), CancellationToken.None));
            }
        }
    }

    // Stopping: every consumer ends first (a checkpoint under way lands or not), then every lease the table records as this worker's is handed
    // back, so another worker takes it at once instead of after LeaseTimeout. The table says which, not what this worker holds: a take whose
    // reply the stop cut off, or a checkpoint cancelled after it landed, leaves the table a step ahead of what the worker knows.
    private async Task ReleaseAllAsync()
    {
        List<(HeldLease Lease, Task Consumer)> held;
        lock (_held)
        {
            held = [.. _held.Values];
            _held.Clear();
        }

        foreach (var (lease, _) in held)
        {
            lease.MarkLost();
        }

        foreach (var (lease, running) in held)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (Exception error)
            {
                logger.LogError(error, "The consumer of {Shard} failed while stopping", lease.Current.ShardId);
            }

            lease.Dispose();
        }

        // Bounded well inside the 6 s the orchestrator gives a stopping process before it kills it: when the whole stack stops, the
        // emulators may be gone first, and the AWS client retries a refused connection until this fires.
        using var timeout = new CancellationTokenSource(HandBackLimit);
        try
        {
            foreach (var lease in (await table.ListAsync(timeout.Token).ConfigureAwait(false)).Where(l => l.Owner == WorkerId))
            {
                await table.ReleaseAsync(lease, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Worker {Worker} could not hand its leases back; other workers take them after {Timeout}", WorkerId, options.Value.LeaseTimeout);
        }
    }
}
