using Testbed.Processor.Leases;

namespace Testbed.Processor.Consumption;

/// <summary>
/// The checkpoints of one shard's consumer: the last stored batch waits here until it is due, one write is under way at most, and they
/// land in order. A batch's dead letters are carried into the next checkpoint written, so each is counted once.
/// </summary>
internal sealed class Checkpoints(HeldLease lease, LeaseTable table, TimeProvider time, TimeSpan interval, CancellationToken token)
{
    private string? _sequence;
    private ShardProgress? _progress;
    private DateTimeOffset _lastWritten = DateTimeOffset.MinValue;

    /// <summary>The write under way, if any.</summary>
    public Task<bool>? Pending { get; private set; }

    /// <summary>Notes a stored batch: its last sequence number and progress are what the next checkpoint records.</summary>
    public void Stored(string sequence, ShardProgress progress)
    {
        _sequence = sequence;
        _progress = _progress is null ? progress : progress with { DeadLetters = progress.DeadLetters + _progress.DeadLetters };
    }

    /// <summary>Starts writing the stored batches once the interval has passed since the last write; false when the lease was lost.</summary>
    public Task<bool> SaveIfDueAsync() => time.GetUtcNow() - _lastWritten >= interval ? SaveAsync() : Task.FromResult(true);

    /// <summary>Starts writing the stored batches now (after the previous write), without waiting for it; false when the lease was lost.</summary>
    public async Task<bool> SaveAsync()
    {
        if (_sequence is null)
        {
            return true;
        }

        if (!await FinishAsync().ConfigureAwait(false))
        {
            return false;
        }

        Pending = lease.CheckpointAsync(table, _sequence, _progress, token);
        _lastWritten = time.GetUtcNow();
        _sequence = null;
        _progress = null;
        return true;
    }

    /// <summary>Writes the stored batches now and waits until every checkpoint has landed; false when the lease was lost.</summary>
    public async Task<bool> FlushAsync() => await SaveAsync().ConfigureAwait(false) && await FinishAsync().ConfigureAwait(false);

    /// <summary>Waits for the write under way; false when the lease was lost before it landed.</summary>
    public async Task<bool> FinishAsync()
    {
        if (Pending is not { } pending)
        {
            return true;
        }

        Pending = null;
        return await pending.ConfigureAwait(false);
    }
}
