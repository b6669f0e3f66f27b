using Testbed.LoadTests.Checks;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Tests;

/// <summary>The warm-up held until the pipeline has caught up with it, as pure logic.</summary>
public sealed class CatchUpTests
{
    [Fact]
    public void A_backlog_under_the_limit_that_is_still_falling_is_not_settled()
    {
        (double, double)[] falling = [(0, 2.0), (0.5, 1.5), (1.0, 1.0), (1.5, 0.7), (2.0, 0.4)];
        (double, double)[] flat = [(0, 0.3), (0.5, 0.2), (1.0, 0.3), (1.5, 0.25), (2.0, 0.3)];
        (double, double)[] tooShort = [(1.0, 0.3), (1.5, 0.3), (2.0, 0.3)];
        (double, double)[] over = [(0, 0.6), (0.5, 0.6), (1.0, 0.6), (1.5, 0.6), (2.0, 0.6)];

        Assert.False(CatchUp.Settled(falling, 2.0));
        Assert.True(CatchUp.Settled(flat, 2.0));
        Assert.False(CatchUp.Settled(tooShort, 2.0), "two seconds of looks at least");
        Assert.False(CatchUp.Settled(over, 2.0), "over the limit");
    }

    [Fact]
    public async Task A_pipeline_caught_up_during_the_warmup_is_measured_at_its_end()
    {
        var start = MeasureStart.WhenCaughtUp(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));

        var result = await CatchUp.RunAsync(start, () => TimeSpan.FromSeconds(0.2), TestContext.Current.CancellationToken);

        Assert.True(result.CaughtUp);
        Assert.Equal(0.2, result.BacklogSeconds);
        // Looked at from 2 s on; settled at the first look from 4 s, within a look's interval of it.
        Assert.InRange(result.Held.TotalSeconds, 0, 0.5);
    }

    [Fact]
    public async Task The_measured_part_begins_once_the_backlog_has_come_under_the_limit_and_stopped_falling()
    {
        var start = MeasureStart.WhenCaughtUp(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(30));

        // Two seconds behind at the warm-up's end, falling by a second a second to 0.1 s, where it stays.
        var result = await CatchUp.RunAsync(start, () => TimeSpan.FromSeconds(Math.Max(0.1, 2.2 - start.Elapsed)), TestContext.Current.CancellationToken);

        Assert.True(result.CaughtUp);
        Assert.Equal(0.1, result.BacklogSeconds);
        // Under the limit from 1.7 s and flat at 0.1 s from 2.1 s: settled once the second before the last is flat too, about 4 s in.
        Assert.InRange(result.Held.TotalSeconds, 2.0, 29);
        // The same instant, to within a microsecond: Held is a TimeSpan, whose 100 ns ticks round the start's seconds.
        Assert.Equal(start.Seconds, (start.Warmup + result.Held).TotalSeconds, tolerance: 1e-6);
    }

    [Fact]
    public async Task A_pipeline_that_does_not_catch_up_is_measured_after_the_longest_catch_up_and_reported_as_behind()
    {
        var start = MeasureStart.WhenCaughtUp(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(1));

        var result = await CatchUp.RunAsync(start, () => TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.False(result.CaughtUp);
        Assert.Equal(1.2, start.Seconds, tolerance: 1e-6);
        Assert.Equal(1.0, result.Held.TotalSeconds, tolerance: 1e-6);
        Assert.Equal(3, result.BacklogSeconds);
    }
}
