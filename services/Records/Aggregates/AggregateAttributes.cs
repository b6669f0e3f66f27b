namespace Testbed.Records.Aggregates;

/// <summary>The attribute names of a window aggregate in the aggregates table.</summary>
public static class AggregateAttributes
{
    /// <summary>The event type, the table's partition key.</summary>
    public const string Type = "type";

    /// <summary>The sort key: the window's start minute and the shard whose events the item counts ("2026-11-22T10:05Z#shardId-000000000001"), so each item has one writer, the shard's lease holder.</summary>
    public const string Window = "window";

    /// <summary>Events counted.</summary>
    public const string Count = "count";

    /// <summary>A map from numeric field name to {count, sum, min, max}.</summary>
    public const string Fields = "fields";

    /// <summary>Per shard, the last sequence number counted.</summary>
    public const string Marks = "marks";

    /// <summary>Bumped by every update; updates are conditional on it.</summary>
    public const string Version = "version";

    // Between a window and its shard in the sort key; '$' sorts right after it, so "window$" is above every shard of the window.
    private const char ShardSeparator = '#';
    private const char AfterShards = '$';

    /// <summary>The sort key of one shard's share of a window.</summary>
    public static string KeyOf(string window, string shardId) => $"{window}{ShardSeparator}{shardId}";

    /// <summary>The window of a sort key (a key without a shard, as written before 2026-11-28, is the window itself).</summary>
    public static string WindowOfKey(string key) => key.Split(ShardSeparator, 2)[0];

    /// <summary>A sort key above every shard's share of the window: the upper bound of a range that includes it.</summary>
    public static string AfterWindow(string window) => window + AfterShards;

    /// <summary>The window an event time falls in.</summary>
    public static string WindowOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
