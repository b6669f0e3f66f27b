namespace Testbed.Aws.Kinesis.Model;

/// <summary>The values of GetShardIterator's ShardIteratorType.</summary>
public static class ShardIteratorType
{
    /// <summary>At the given sequence number.</summary>
    public const string AtSequenceNumber = "AT_SEQUENCE_NUMBER";

    /// <summary>Just after the given sequence number.</summary>
    public const string AfterSequenceNumber = "AFTER_SEQUENCE_NUMBER";

    /// <summary>At the first record written at or after the given time.</summary>
    public const string AtTimestamp = "AT_TIMESTAMP";

    /// <summary>At the oldest record kept.</summary>
    public const string TrimHorizon = "TRIM_HORIZON";

    /// <summary>After the newest record: only records written from now on.</summary>
    public const string Latest = "LATEST";
}
