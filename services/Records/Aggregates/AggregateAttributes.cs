namespace Testbed.Records.Aggregates;

/// <summary>The attribute names of a window aggregate in the aggregates table.</summary>
public static class AggregateAttributes
{
    /// <summary>The event type, the table's partition key.</summary>
    public const string Type = "type";

    /// <summary>The window's start minute ("2026-11-22T10:05Z"), the sort key.</summary>
    public const string Window = "window";

    /// <summary>Events counted.</summary>
    public const string Count = "count";

    /// <summary>A map from numeric field name to {count, sum, min, max}.</summary>
    public const string Fields = "fields";

    /// <summary>Per shard, the last sequence number counted.</summary>
    public const string Marks = "marks";

    /// <summary>Bumped by every update; updates are conditional on it.</summary>
    public const string Version = "version";

    /// <summary>The window an event time falls in.</summary>
    public static string WindowOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
