using System.Collections.Concurrent;
using System.Diagnostics;
using Testbed.LoadTests.Simulations;
using Testbed.LoadTests.Thresholds;

namespace Testbed.LoadTests.Tests;

/// <summary>The load simulations and thresholds as pure logic.</summary>
public sealed class LoadDriverTests
{
    [Fact]
    public async Task A_ramp_sends_the_integral_of_its_rate_with_intended_starts_in_order()
    {
        var calls = new ConcurrentBag<Invocation>();

        // 100 → 300 req/s over 1 s after a 0.5 s warm-up rising to 100 req/s over 0.25 s and holding it for 0.25 s:
        // 12.5 + 25 + 200 requests, 75 of them in the first measured half-second.
        await LoadDriver.RunAsync(new LoadShape.Ramping(100, 300), MeasureStart.AfterWarmup(TimeSpan.FromSeconds(0.5)), TimeSpan.FromSeconds(1), i => { calls.Add(i); return Task.CompletedTask; }, _ => { }, TestContext.Current.CancellationToken);

        var ordered = calls.OrderBy(c => c.Number).ToList();
        Assert.InRange(ordered.Count, 236, 238);
        Assert.InRange(ordered.Count(c => c.At < -0.25), 12, 13);
        Assert.InRange(ordered.Count(c => c.At is >= -0.25 and < 0), 24, 26);
        Assert.True(ordered.Zip(ordered.Skip(1)).All(p => p.First.IntendedTimestamp <= p.Second.IntendedTimestamp));
        var firstHalf = ordered.Count(c => c.At is >= 0 and < 0.5);
        var secondHalf = ordered.Count(c => c.At >= 0.5);
        Assert.InRange(firstHalf, 74, 76);
        Assert.InRange(secondHalf, 124, 126);
    }

    [Fact]
    public async Task A_warmup_held_until_the_start_is_decided_keeps_its_rate_and_then_measures_the_whole_duration()
    {
        var calls = new ConcurrentBag<Invocation>();
        var start = MeasureStart.WhenCaughtUp(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(30));

        // 200 req/s: a 0.2 s warm-up (rising over 0.1 s), held until the start is decided 0.6 s in, then 0.5 s measured: 100 requests.
        var run = LoadDriver.RunAsync(new LoadShape.Constant(200), start, TimeSpan.FromSeconds(0.5), i => { calls.Add(i); return Task.CompletedTask; }, _ => { }, TestContext.Current.CancellationToken);
        while (start.Elapsed < 0.6)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(start.TryDecide(start.Elapsed));
        await run;

        var decided = start.Seconds;
        Assert.InRange(decided, 0.6, 30);
        var measured = calls.Where(c => c.Measured).ToList();
        Assert.Equal(100, measured.Count);
        Assert.All(measured, c => Assert.InRange(c.At, 0, 0.5));
        // The warm-up went on at the full rate until the start: 10 requests in its rise to 0.1 s, then 200/s, so 200 × (start - 0.05).
        var warmup = 200 * (decided - 0.05);
        Assert.InRange(calls.Count(c => !c.Measured), warmup - 2, warmup + 2);
        Assert.All(calls.Where(c => !c.Measured), c => Assert.True(c.At < 0));
    }

    [Fact]
    public async Task An_undecided_start_is_decided_when_the_longest_catch_up_has_passed()
    {
        var calls = new ConcurrentBag<Invocation>();
        var start = MeasureStart.WhenCaughtUp(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.3));

        await LoadDriver.RunAsync(new LoadShape.Constant(200), start, TimeSpan.FromSeconds(0.5), i => { calls.Add(i); return Task.CompletedTask; }, _ => { }, TestContext.Current.CancellationToken);

        Assert.Equal(0.5, start.Seconds, 6);
        Assert.False(start.TryDecide(10));
        Assert.Equal(0.5, start.Seconds, 6);
        // 10 rising to 0.1 s, 80 at the rate until 0.5 s, then 100 measured.
        Assert.InRange(calls.Count(c => !c.Measured), 89, 91);
        Assert.Equal(100, calls.Count(c => c.Measured));
    }

    [Fact]
    public async Task Each_request_is_sent_when_it_is_due_not_one_interval_later()
    {
        var lateness = new ConcurrentBag<TimeSpan>();

        // 2 requests/s for 2 s: due at 0, 0.5, 1 and 1.5 s. Sent an interval late, each would be 500 ms behind its intended start.
        await LoadDriver.RunAsync(new LoadShape.Constant(2), MeasureStart.AfterWarmup(TimeSpan.Zero), TimeSpan.FromSeconds(2), i => { lateness.Add(Stopwatch.GetElapsedTime(i.IntendedTimestamp)); return Task.CompletedTask; }, _ => { }, TestContext.Current.CancellationToken);

        Assert.Equal(4, lateness.Count);
        Assert.All(lateness, late => Assert.True(late < TimeSpan.FromMilliseconds(250), $"sent {late.TotalMilliseconds:0} ms after it was due"));
    }

    [Theory]
    [InlineData(10.0035, 10.0, 3)]
    [InlineData(10.0004, 10.0, 1)]
    [InlineData(9.9, 10.0, 1)]
    [InlineData(11.0, 10.0, 100)]
    [InlineData(double.PositiveInfinity, 10.0, 100)]
    public void The_open_model_sleeps_until_the_next_request_is_due_in_whole_milliseconds(double due, double elapsed, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), LoadDriver.PauseUntil(due, elapsed));

    [Fact]
    public async Task The_open_model_records_what_it_could_not_send_instead_of_waiting()
    {
        var gate = new TaskCompletionSource();
        var overloaded = 0;

        var run = LoadDriver.RunAsync(new LoadShape.Constant(20_000), MeasureStart.AfterWarmup(TimeSpan.Zero), TimeSpan.FromSeconds(0.5), _ => gate.Task, _ => Interlocked.Increment(ref overloaded), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(0.7), TestContext.Current.CancellationToken);
        gate.SetResult();
        await run;

        Assert.Equal(10_000 - LoadDriver.MaxInFlight, overloaded);
    }

    [Theory]
    [InlineData("freshness.p99 < 500ms", "freshness.p99", "<", 500)]
    [InlineData("ingest.fail = 0", "ingest.fail", "=", 0)]
    [InlineData("loss=0", "loss", "=", 0)]
    [InlineData("ingest.p50 <= 1.5s", "ingest.p50", "<=", 1500)]
    [InlineData("ratio >= 70%", "ratio", ">=", 0.7)]
    public void Thresholds_parse_with_units(string text, string figure, string op, double value)
    {
        var threshold = Threshold.Parse(text);

        Assert.Equal((figure, op), (threshold.Figure, threshold.Operator));
        Assert.Equal(value, threshold.Value, 6);
    }

    [Fact]
    public void A_malformed_threshold_says_what_is_expected()
    {
        var error = Assert.Throws<ArgumentException>(() => Threshold.Parse("p99 fast"));

        Assert.Contains("'freshness.p99 < 500ms'", error.Message, StringComparison.Ordinal);
    }
}
