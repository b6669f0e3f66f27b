using Testbed.Processor.Aggregates;
using Testbed.Records.Aggregates;

namespace Testbed.Processor.Tests;

public sealed class WindowAggregateTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_and_field_stats_add_up()
    {
        var aggregate = WindowAggregate.Empty.With("s0", [Records.Make("s0", 1, "t", Minute, """{"a":2,"b":"x"}"""), Records.Make("s0", 2, "t", Minute, """{"a":-3.5}""")])!;

        Assert.Equal(2, aggregate.Count);
        Assert.Equal(new FieldStats(2, -1.5m, -3.5m, 2m), aggregate.Fields["a"]);
        Assert.False(aggregate.Fields.ContainsKey("b"));
        Assert.Equal(1, aggregate.Version);
    }

    [Fact]
    public void A_sum_beyond_decimal_is_capped_instead_of_failing_the_batch_on_every_retry()
    {
        var aggregate = WindowAggregate.Empty.With("s0", [Records.Make("s0", 1, "t", Minute, """{"a":7e28}"""), Records.Make("s0", 2, "t", Minute, """{"a":7e28}"""), Records.Make("s0", 3, "t", Minute, """{"b":-7e28}"""), Records.Make("s0", 4, "t", Minute, """{"b":-7e28}""")])!;

        Assert.Equal(new FieldStats(2, decimal.MaxValue, 7e28m, 7e28m), aggregate.Fields["a"]);
        Assert.Equal(new FieldStats(2, decimal.MinValue, -7e28m, -7e28m), aggregate.Fields["b"]);
    }

    [Fact]
    public void A_redelivered_batch_changes_nothing()
    {
        var batch = new[] { Records.Make("s0", 10, "t", Minute, """{"a":1}"""), Records.Make("s0", 11, "t", Minute, """{"a":1}""") };
        var once = WindowAggregate.Empty.With("s0", batch)!;

        Assert.Null(once.With("s0", batch));
    }

    [Fact]
    public void A_redelivery_with_other_boundaries_counts_only_the_new_records()
    {
        var once = WindowAggregate.Empty.With("s0", [Records.Make("s0", 10, "t", Minute, """{"a":1}"""), Records.Make("s0", 11, "t", Minute, """{"a":2}""")])!;

        var again = once.With("s0", [Records.Make("s0", 11, "t", Minute, """{"a":2}"""), Records.Make("s0", 12, "t", Minute, """{"a":4}""")])!;

        Assert.Equal(3, again.Count);
        Assert.Equal(7m, again.Fields["a"].Sum);
    }

    [Fact]
    public void Marks_are_kept_per_shard()
    {
        var fromS0 = WindowAggregate.Empty.With("s0", [Records.Make("s0", 500, "t", Minute, "{}")])!;

        var fromS1 = fromS0.With("s1", [Records.Make("s1", 3, "t", Minute, "{}")]);

        Assert.NotNull(fromS1);
        Assert.Equal(2, fromS1.Count);
    }

    [Fact]
    public void Two_shards_shares_of_a_window_add_up_to_the_window()
    {
        var s0 = WindowAggregate.Empty.With("s0", [Records.Make("s0", 1, "t", Minute, """{"a":2}"""), Records.Make("s0", 2, "t", Minute, """{"a":5,"b":1}""")])!;
        var s1 = WindowAggregate.Empty.With("s1", [Records.Make("s1", 7, "t", Minute, """{"a":-1}""")])!;

        var window = s0.Plus(s1);

        Assert.Equal(3, window.Count);
        Assert.Equal(new FieldStats(3, 6m, -1m, 5m), window.Fields["a"]);
        Assert.Equal(new FieldStats(1, 1m, 1m, 1m), window.Fields["b"]);
        Assert.Equal(["s0", "s1"], window.Marks.Keys);
        Assert.Equal("2026-11-22T10:00Z#shardId-000000000001", AggregateAttributes.KeyOf(AggregateAttributes.WindowOf(Minute), "shardId-000000000001"));
        Assert.Equal("2026-11-22T10:00Z", AggregateAttributes.WindowOfKey("2026-11-22T10:00Z#shardId-000000000001"));
        Assert.True(string.CompareOrdinal("2026-11-22T10:00Z#shardId-000000000001", AggregateAttributes.AfterWindow("2026-11-22T10:00Z")) < 0);
    }
}
