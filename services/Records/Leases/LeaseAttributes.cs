namespace Testbed.Records.Leases;

/// <summary>The attribute names of a shard lease in the leases table: written by the Processor, read by the Api's status.</summary>
public static class LeaseAttributes
{
    /// <summary>The shard id, the table's key.</summary>
    public const string Key = "leaseKey";

    /// <summary>The worker holding the lease.</summary>
    public const string Owner = "leaseOwner";

    /// <summary>Bumped by every renewal, take and checkpoint.</summary>
    public const string Counter = "leaseCounter";

    /// <summary>The last sequence number processed, or TRIM_HORIZON.</summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>When the checkpoint was written (ISO 8601).</summary>
    public const string CheckpointedAt = "checkpointedAt";

    /// <summary>Recent freshness samples, as <see cref="FreshnessSamples"/> writes them.</summary>
    public const string Freshness = "freshness";

    /// <summary>Records of the shard that were not events, kept under dead-letter/ (a running total).</summary>
    public const string DeadLetters = "deadLetters";

    /// <summary>The checkpoint of a shard nothing was processed from yet.</summary>
    public const string TrimHorizon = "TRIM_HORIZON";
}
