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
        await LoadDriver.RunAsync(new LoadShape.Ramping(100, 300), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), i => { calls.Add(i); return Task.CompletedTask; }, _ => { }, TestContext.Current.CancellationToken);

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
    public async Task Each_request_is_sent_when_it_is_due_not_one_interval_later()
    {
        var lateness = new ConcurrentBag<TimeSpan>();

        // 2 requests/s for 2 s: due at 0, 0.5, 1 and 1.5 s. Sent an interval late, each would be 500 ms behind its intended start.
        await LoadDriver.RunAsync(new LoadShape.Constant(2), TimeSpan.Zero, TimeSpan.FromSeconds(2), i => { lateness.Add(Stopwatch.GetElapsedTime(i.IntendedTimestamp)); return Task.CompletedTask; }, _ => { }, TestContext.Current.CancellationToken);

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

        var run = LoadDriver.RunAsync(new LoadShape.Constant(20_000), TimeSpan.Zero, TimeSpan.FromSeconds(0.5), _ => gate.Task, _ => Interlocked.Increment(ref overloaded), TestContext.Current.CancellationToken);
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
