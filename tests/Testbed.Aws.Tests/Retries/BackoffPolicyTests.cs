using Testbed.Aws.Retries;

namespace Testbed.Aws.Tests.Retries;

public sealed class BackoffPolicyTests
{
    private readonly BackoffPolicy _policy = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(40, 1000)]
    public void The_cap_doubles_per_retry_up_to_the_maximum(int retry, double capMs)
    {
        Assert.Equal(capMs, _policy.DelayBefore(retry, 0.999999).TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void Full_jitter_spreads_delays_between_zero_and_the_cap()
    {
        Assert.Equal(TimeSpan.Zero, _policy.DelayBefore(3, 0));
        Assert.Equal(200, _policy.DelayBefore(3, 0.5).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void Retry_numbers_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _policy.DelayBefore(0, 0.5));
    }
}
