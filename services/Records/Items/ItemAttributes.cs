namespace Testbed.Records.Items;

/// <summary>The attribute names of an item in the items table (the Api reads the same names).</summary>
public static class ItemAttributes
{
    /// <summary>The event id, the table's key.</summary>
    public const string Id = "id";

    /// <summary>The event type, the index's partition key.</summary>
    public const string Type = "type";

    /// <summary>The index's sort key: the event time as fixed-width ISO 8601 UTC text, then '#' and the id, so it sorts by time and no two items tie (with ties, a row went missing from paged listings against the DynamoDB emulator).</summary>
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

    /// <summary>The sort key of an event: its time, '#', its id.</summary>
    public static string SortKey(DateTimeOffset time, string id) => Time(time) + "#" + id;

    /// <summary>A bound above every sort key of the given time.</summary>
    public static string UpperBound(DateTimeOffset time) => Time(time) + "#\uffff";

    /// <summary>The time part of a sort key.</summary>
    public static DateTimeOffset TimeOf(string sortKey)
    {
        var hash = sortKey.IndexOf('#', StringComparison.Ordinal);
        return DateTimeOffset.Parse(hash < 0 ? sortKey : sortKey[..hash], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Fixed-width, sortable UTC text for a time.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
