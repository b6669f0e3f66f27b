namespace Testbed.Storage;

/// <summary>The attribute names of an item in the items table (the Api reads the same names).</summary>
public static class ItemAttributes
{
    /// <summary>The event id, the table's key.</summary>
    public const string Id = "id";

    /// <summary>The event type, the index's partition key.</summary>
    public const string Type = "type";

    /// <summary>The event time, fixed-width ISO 8601 UTC so it sorts as text; the index's sort key.</summary>
    public const string EventTime = "eventTime";

    /// <summary>When ingestion accepted it.</summary>
    public const string AcceptedAt = "acceptedAt";

    /// <summary>When the processor stored it.</summary>
    public const string ProcessedAt = "processedAt";

    /// <summary>The payload as a map.</summary>
    public const string Data = "data";

    /// <summary>The shard it was read from.</summary>
    public const string ShardId = "shardId";

    /// <summary>Its sequence number there.</summary>
    public const string SequenceNumber = "sequenceNumber";

    /// <summary>The trace it belongs to.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The dataset of an uploaded row.</summary>
    public const string Dataset = "dataset";

    /// <summary>The row index of an uploaded row.</summary>
    public const string Row = "row";

    /// <summary>Bumped by every edit through the Api; the ETag.</summary>
    public const string Version = "version";

    /// <summary>Fixed-width, sortable UTC text for a time.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
