namespace Testbed.Aws.Retries;

/// <summary>Exponential backoff with full jitter, as AWS's SDKs retry throttled and failed calls.</summary>
public sealed record BackoffPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The cap of the first retry's delay; each later one doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>No delay grows beyond this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>One attempt only.</summary>
    public static BackoffPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the first), given a uniform sample in [0, 1).</summary>
    public TimeSpan DelayBefore(int retry, double sample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, 30);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(cap * Math.Clamp(sample, 0, 1));
    }
}
