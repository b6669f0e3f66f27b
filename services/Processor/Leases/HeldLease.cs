namespace Testbed.Processor.Leases;

/// <summary>A lease this worker holds: renewals and checkpoints go through here one at a time, and losing it cancels the shard's work.</summary>
public sealed class HeldLease(Lease lease) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();

    /// <summary>The lease as last written by this worker.</summary>
    public Lease Current { get; private set; } = lease;

    /// <summary>Cancelled once the lease is lost or given up.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Renews the lease; false (and <see cref="Lost"/> cancelled) when another worker has it now.</summary>
    public Task<bool> RenewAsync(LeaseTable table, CancellationToken cancellationToken) =>
        ChangeAsync(current => table.TryRenewAsync(current, cancellationToken), cancellationToken);

    /// <summary>Records the last processed sequence number; false when the lease was lost before.</summary>
    public Task<bool> CheckpointAsync(LeaseTable table, string sequenceNumber, ShardProgress? progress, CancellationToken cancellationToken) =>
        ChangeAsync(current => table.TryCheckpointAsync(current, sequenceNumber, progress, cancellationToken), cancellationToken);

    /// <summary>Marks the lease as no longer ours.</summary>
    public void MarkLost() => _lost.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _lost.Dispose();
    }

    private async Task<bool> ChangeAsync(Func<Lease, Task<Lease?>> change, CancellationToken cancellationToken)
    {
        if (_lost.IsCancellationRequested)
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var next = await change(Current).ConfigureAwait(false);
            if (next is null)
            {
                _lost.Cancel();
                return false;
            }

            Current = next;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
