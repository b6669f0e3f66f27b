using Testbed.Processor.Bronze;
using Testbed.Processor.Leases;
using Testbed.Processor.Model;

namespace Testbed.Processor.Consumption;

/// <summary>
/// The checkpoints of one shard's consumer: the batches stored since the last one wait here until it is due, one write is under way at most,
/// and they land in order. Each checkpoint first writes the raw events it covers to the lake as one object, so the lake never lags the
/// checkpoint, and a busy shard makes one object per checkpoint instead of one per batch. A batch's dead letters are carried into the next
/// checkpoint written, so each is counted once.
/// </summary>
internal sealed class Checkpoints(HeldLease lease, LeaseTable table, RawArchive archive, TimeProvider time, TimeSpan interval, CancellationToken token)
{
    // The records of the batches stored since the last checkpoint: the next lake object, and its last one is the next checkpoint.
    private List<ReceivedRecord> _stored = [];
    private ShardProgress? _progress;
    private DateTimeOffset _lastWritten = DateTimeOffset.MinValue;

    /// <summary>The write under way, if any.</summary>
    public Task<bool>? Pending { get; private set; }

    /// <summary>Notes a stored batch: its records go to the lake, and its last sequence number and progress are what the next checkpoint records.</summary>
    public void Stored(IReadOnlyList<ReceivedRecord> batch, ShardProgress progress)
    {
        _stored.AddRange(batch);
        _progress = _progress is null ? progress : progress with { DeadLetters = progress.DeadLetters + _progress.DeadLetters };
    }

    /// <summary>Starts writing the stored batches once the interval has passed since the last write; false when the lease was lost.</summary>
    public Task<bool> SaveIfDueAsync() => time.GetUtcNow() - _lastWritten >= interval ? SaveAsync() : Task.FromResult(true);

    /// <summary>Starts writing the stored batches now (after the previous write), without waiting for it; with none stored, waits for the write under way. False when the lease was lost.</summary>
    public async Task<bool> SaveAsync()
    {
        // A quiet shard has time to wait: its last write's failure then surfaces now, not whenever the next record comes.
        if (_stored.Count == 0)
        {
            return await FinishAsync().ConfigureAwait(false);
        }

        if (!await FinishAsync().ConfigureAwait(false))
        {
            return false;
        }

        Pending = ArchiveThenCheckpointAsync(_stored, _progress);
        _lastWritten = time.GetUtcNow();
        _stored = [];
        _progress = null;
        return true;
    }

    /// <summary>Writes the stored batches now and waits until every checkpoint has landed; false when the lease was lost.</summary>
    public async Task<bool> FlushAsync() => await SaveAsync().ConfigureAwait(false) && await FinishAsync().ConfigureAwait(false);

    /// <summary>Waits for the write under way; false when the lease was lost before it landed. A failed lake write fails here, before its checkpoint.</summary>
    public async Task<bool> FinishAsync()
    {
        if (Pending is not { } pending)
        {
            return true;
        }

        Pending = null;
        return await pending.ConfigureAwait(false);
    }

    // The lake first: a checkpoint written before its object would let a crash in between lose those records from raw/ for good.
    private async Task<bool> ArchiveThenCheckpointAsync(List<ReceivedRecord> stored, ShardProgress? progress)
    {
        await archive.WriteAsync(stored, token).ConfigureAwait(false);
        return await lease.CheckpointAsync(table, stored[^1].SequenceNumber, progress, token).ConfigureAwait(false);
    }
}
