namespace Testbed.ServiceDefaults.Alarms;

/// <summary>The calls one alarm's metric covered in one period.</summary>
/// <param name="Calls">Calls answered.</param>
/// <param name="ServerErrors">Calls answered with a 5xx status.</param>
/// <param name="Durations">Each call's duration in seconds; kept only for a latency alarm, else empty.</param>
public sealed record PeriodCalls(long Calls, long ServerErrors, IReadOnlyList<double> Durations)
{
    /// <summary>A period without calls.</summary>
    public static PeriodCalls None { get; } = new(0, 0, []);
}
