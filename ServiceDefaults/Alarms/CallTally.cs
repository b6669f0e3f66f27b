namespace Testbed.ServiceDefaults.Alarms;

/// <summary>One alarm's calls in the current period, added from request threads and taken by the monitor.</summary>
internal sealed class CallTally(bool keepDurations)
{
    private readonly Lock _lock = new();
    private long _calls;
    private long _serverErrors;
    private List<double> _durations = [];

    /// <summary>Counts one call.</summary>
    public void Add(bool serverError, double seconds)
    {
        lock (_lock)
        {
            _calls++;
            _serverErrors += serverError ? 1 : 0;
            if (keepDurations)
            {
                _durations.Add(seconds);
            }
        }
    }

    /// <summary>The period's calls; starts the next period.</summary>
    public PeriodCalls Take()
    {
        lock (_lock)
        {
            var period = new PeriodCalls(_calls, _serverErrors, _durations);
            _calls = 0;
            _serverErrors = 0;
            _durations = [];
            return period;
        }
    }
}
