namespace Testbed.Ingestion.Publishing;

/// <summary>How concurrent events are gathered into PutRecords calls ("Ingestion:Publisher").</summary>
public sealed class PublisherOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Ingestion:Publisher";

    /// <summary>How long the first record of a call may wait for others to join it.</summary>
    /// <remarks>
    /// Each call costs ingestion and Kinesis about the same however few records it holds, and a record's 202 waits for its call, not
    /// its freshness. Measured on 2 cores (2026-11-29): 15 ms instead of 5 took ingestion and the Kinesis emulator together from 52-57 % to 44-47 %
    /// of a core at 300 events/s, and at 2,000 events/s from 67-70 % to 56-57 %: the pipeline then kept up (0.2-0.9 s behind at the
    /// end, against 9-15 s) for about 5 ms more on the median 202.
    /// </remarks>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Records per PutRecords call (Kinesis allows 500).</summary>
    public int MaxRecordsPerCall { get; set; } = 500;

    /// <summary>Bytes per PutRecords call (Kinesis allows 5 MiB).</summary>
    public int MaxBytesPerCall { get; set; } = 5 * 1024 * 1024;

    /// <summary>PutRecords calls in flight at once.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>Attempts per record when Kinesis refuses it individually.</summary>
    public int MaxRecordAttempts { get; set; } = 5;

    /// <summary>The first retry's delay cap; it doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(20);
}
