using System.Diagnostics;

namespace Testbed.LoadTests.Simulations;

/// <summary>
/// When a run's measured part begins, in seconds from the start of its load: at the end of the warm-up, or later, once the pipeline has
/// caught up with the warm-up's events. Shared by every load stream of the run, so that all of them start measuring at the same moment;
/// decided once, never moved.
/// </summary>
public sealed class MeasureStart
{
    private readonly double _latest;
    private long _decided = BitConverter.DoubleToInt64Bits(double.PositiveInfinity);

    private MeasureStart(TimeSpan warmup, TimeSpan longestCatchUp)
    {
        Warmup = warmup;
        _latest = (warmup + longestCatchUp).TotalSeconds;
        StartTimestamp = Stopwatch.GetTimestamp();
        if (longestCatchUp <= TimeSpan.Zero)
        {
            TryDecide(warmup.TotalSeconds);
        }
    }

    /// <summary>The measured part begins when the warm-up ends; the load starts now.</summary>
    public static MeasureStart AfterWarmup(TimeSpan warmup) => new(warmup, TimeSpan.Zero);

    /// <summary>The measured part begins once <see cref="TryDecide"/> is called after the warm-up, at the latest <paramref name="longestCatchUp"/> after it; the load starts now.</summary>
    public static MeasureStart WhenCaughtUp(TimeSpan warmup, TimeSpan longestCatchUp) => new(warmup, longestCatchUp);

    /// <summary>The shortest warm-up: the load rises to its rate over the first half of it.</summary>
    public TimeSpan Warmup { get; }

    /// <summary>When the load started (Stopwatch ticks).</summary>
    public long StartTimestamp { get; }

    /// <summary>Seconds from the start of the load to the start of the measured part; infinity while undecided.</summary>
    public double Seconds => BitConverter.Int64BitsToDouble(Volatile.Read(ref _decided));

    /// <summary>
    /// Seconds to the start of the measured part as seen at <paramref name="elapsed"/> seconds into the load: once the longest catch-up
    /// has passed undecided, it is decided there. A load stream reads the time first and this second, so the start is never set before a
    /// moment the stream has already called warm-up.
    /// </summary>
    public double SecondsAt(double elapsed)
    {
        if (elapsed >= _latest)
        {
            TryDecide(_latest);
        }

        return Seconds;
    }

    /// <summary>Sets the start at <paramref name="seconds"/> (not before the warm-up's end) unless already set; whether this call set it.</summary>
    public bool TryDecide(double seconds)
    {
        var wanted = BitConverter.DoubleToInt64Bits(Math.Max(seconds, Warmup.TotalSeconds));
        var undecided = BitConverter.DoubleToInt64Bits(double.PositiveInfinity);
        return Interlocked.CompareExchange(ref _decided, wanted, undecided) == undecided;
    }

    /// <summary>Seconds since the start of the load.</summary>
    public double Elapsed => Stopwatch.GetElapsedTime(StartTimestamp).TotalSeconds;
}
