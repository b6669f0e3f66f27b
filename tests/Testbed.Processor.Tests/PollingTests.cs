namespace Testbed.Processor.Tests;

/// <summary>How long a processor waits before reading a shard again: one that had nothing, and one that has caught up while records keep coming.</summary>
public sealed class PollingTests
{
    [Fact]
    public void Each_empty_read_in_a_row_doubles_the_pause_up_to_five_poll_intervals()
    {
        var options = new ProcessorOptions { PollInterval = TimeSpan.FromMilliseconds(10) };

        Assert.Equal([10, 20, 40, 50, 50], Enumerable.Range(1, 5).Select(n => options.PauseAfter(n).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.PauseAfter(int.MaxValue));
    }

    [Fact]
    public void A_configured_longest_pause_is_kept()
    {
        var options = new ProcessorOptions { PollInterval = TimeSpan.FromMilliseconds(200), MaxPollInterval = TimeSpan.FromSeconds(1) };

        Assert.Equal([200, 400, 800, 1000], Enumerable.Range(1, 4).Select(n => options.PauseAfter(n).TotalMilliseconds));
    }

    [Fact]
    public void A_caught_up_shard_waits_in_proportion_to_its_rate_at_most_twice_the_busy_wait()
    {
        var options = new ProcessorOptions { BusyShardWait = TimeSpan.FromMilliseconds(100) };
        var tenth = TimeSpan.FromMilliseconds(100);

        Assert.Equal(10, options.WaitBetweenReads(10, tenth).TotalMilliseconds, 6);
        Assert.Equal(100, options.WaitBetweenReads(100, tenth).TotalMilliseconds, 6);
        Assert.Equal(200, options.WaitBetweenReads(1000, tenth).TotalMilliseconds, 6);
        Assert.Equal(TimeSpan.Zero, options.WaitBetweenReads(5, TimeSpan.Zero));
    }
}
