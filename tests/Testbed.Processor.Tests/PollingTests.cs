namespace Testbed.Processor.Tests;

/// <summary>How long a processor waits before reading a shard again that had nothing.</summary>
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
}
