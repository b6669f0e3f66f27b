namespace Testbed.Processor;

/// <summary>The "Processor" configuration section: identity, lease timing and polling.</summary>
public sealed class ProcessorOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Processor";

    /// <summary>This instance's name in the lease table; unique per process when empty.</summary>
    public string? WorkerId { get; set; }

    /// <summary>A lease whose counter has not moved for this long is free to take.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often held leases are renewed and the table is looked at; a third of the timeout when zero.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.Zero;

    /// <summary>The pause after a read that found nothing; keep at 200 ms or more against AWS (5 reads per shard per second).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause on a shard that stays empty: each empty read in a row doubles the pause up to this; five poll intervals when zero.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How often a shard that keeps receiving records is checkpointed (a shard that has gone quiet, three empty reads in a row, at once); a crash redoes at most this much work.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a shard that has caught up and receives 1,000 records a second waits between reads; proportional to its rate (10 ms at 100 a second), at most twice this. A busy shard's batches then grow with its rate: each batch has a fixed cost in every emulator and service.</summary>
    public TimeSpan BusyShardWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The least time between the starts of two reads of one shard: AWS refuses more than 5 reads of a shard a second (ProvisionedThroughputExceeded). The AppHost sets 0 for the emulators, which have no such limit.</summary>
    public TimeSpan MinReadInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Records per GetRecords call.</summary>
    public int MaxRecordsPerRead { get; set; } = 1000;

    /// <summary>The longest pause in effect.</summary>
    public TimeSpan EffectiveMaxPollInterval => MaxPollInterval > TimeSpan.Zero ? MaxPollInterval : PollInterval * 5;

    /// <summary>The pause after <paramref name="emptyReads"/> empty reads in a row (at least one): the poll interval, doubled each time, at most <see cref="EffectiveMaxPollInterval"/>.</summary>
    public TimeSpan PauseAfter(int emptyReads) =>
        TimeSpan.FromTicks(Math.Min(EffectiveMaxPollInterval.Ticks, PollInterval.Ticks << Math.Clamp(emptyReads - 1, 0, 20)));

    /// <summary>How long after a read began the next read of a caught-up shard starts, given that the read found <paramref name="records"/> that arrived over <paramref name="since"/> (the time since the read before it began).</summary>
    public TimeSpan WaitBetweenReads(int records, TimeSpan since)
    {
        var perSecond = since > TimeSpan.Zero ? records / since.TotalSeconds : 0;
        return TimeSpan.FromTicks((long)Math.Min(2 * BusyShardWait.Ticks, BusyShardWait.Ticks * perSecond / 1000));
    }

    /// <summary>The renew interval in effect.</summary>
    public TimeSpan EffectiveRenewInterval => LeaseRenewInterval > TimeSpan.Zero ? LeaseRenewInterval : LeaseTimeout / 3;
}
