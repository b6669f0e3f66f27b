using Testbed.LoadTests.Scenarios;

namespace Testbed.LoadTests.Tests;

/// <summary>When the freshness probe first reads a sampled event, from the freshness of the events found last.</summary>
public sealed class FirstReadTests
{
    [Fact]
    public void Before_any_event_was_found_the_first_read_goes_at_once()
    {
        Assert.Equal(TimeSpan.Zero, FirstRead.After([]));
    }

    [Fact]
    public void The_first_read_goes_at_nine_tenths_of_the_smallest_recent_freshness()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(90), FirstRead.After([300, 100, 200]));
    }

    [Fact]
    public void An_event_found_at_its_first_read_is_remembered_at_half_its_reading_one_found_later_at_its_reading()
    {
        Assert.Equal(45, FirstRead.Remembered(90, atFirstRead: true));
        Assert.Equal(130, FirstRead.Remembered(130, atFirstRead: false));
    }

    [Fact]
    public void A_pipeline_that_became_ten_times_faster_is_read_late_for_a_few_events_only()
    {
        // Every recent event took 400 ms; from now on each is stored after 40 ms, so each is found at its first read.
        var recent = new Queue<double>(Enumerable.Repeat(400.0, FirstRead.Recent));
        var waits = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var wait = FirstRead.After(recent).TotalMilliseconds;
            waits.Add(wait);
            recent.Dequeue();
            recent.Enqueue(FirstRead.Remembered(Math.Max(wait, 40), atFirstRead: wait >= 40));
        }

        Assert.Equal([360, 162, 72.9, 32.805, 32.805], waits.Select(w => Math.Round(w, 3)));
    }
}
