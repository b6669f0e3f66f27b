namespace Testbed.Ingestion.Publishing;

/// <summary>How concurrent events are gathered into PutRecords calls ("Ingestion:Publisher").</summary>
public sealed class PublisherOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Ingestion:Publisher";

    /// <summary>How long the first record of a call may wait for others to join it.</summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(5);

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
