using System.Diagnostics;

namespace Testbed.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping.</summary>
public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the description when the deadline passes.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string description, TimeSpan? interval = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Still not true after {timeout.TotalSeconds:0} s: {description}");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Polls a synchronous condition.</summary>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string description) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, description);
}
