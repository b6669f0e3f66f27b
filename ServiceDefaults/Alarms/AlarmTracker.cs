using Testbed.Infra.Definition;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>One alarm's state over time: closes each period with its calls, evaluates, and keeps the state, its reason and the latest transitions.</summary>
public sealed class AlarmTracker
{
    /// <summary>How many transitions a status keeps.</summary>
    public const int KeptTransitions = 10;

    // Each evaluated period's datapoint and when the period began.
    private readonly Queue<(double? Value, DateTimeOffset Began)> _datapoints = new();
    private readonly List<AlarmTransition> _transitions = [];
    private readonly TimeSpan _localPeriod;
    private AlarmVerdict _verdict;
    private DateTimeOffset _periodBegan;
    private volatile AlarmStatus _status;

    /// <summary>Starts in INSUFFICIENT_DATA until the first period closes.</summary>
    public AlarmTracker(AlarmDefinition alarm, TimeSpan localPeriod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(localPeriod, TimeSpan.Zero);
        Alarm = alarm;
        _localPeriod = localPeriod;
        _periodBegan = now;
        _verdict = new AlarmVerdict(AlarmState.InsufficientData, $"Not evaluated yet: the first period of {localPeriod.TotalSeconds:0.###} s ends at {now + localPeriod:O}.");
        _status = AlarmStatus.Of(alarm, localPeriod, _verdict.State, _verdict.Reason, now, []);
    }

    /// <summary>The alarm tracked.</summary>
    public AlarmDefinition Alarm { get; }

    /// <summary>The current status (safe to read from any thread).</summary>
    public AlarmStatus Status => _status;

    /// <summary>Closes a period with its calls and evaluates; returns the transition when the state changed, else null. Called from one thread.</summary>
    public AlarmTransition? Close(PeriodCalls calls, DateTimeOffset now)
    {
        _datapoints.Enqueue((AlarmEvaluation.Datapoint(Alarm, calls, _localPeriod), _periodBegan));
        _periodBegan = now;
        while (_datapoints.Count > Alarm.EvaluationPeriods)
        {
            _datapoints.Dequeue();
        }

        var previous = _verdict;
        _verdict = AlarmEvaluation.Evaluate(Alarm, [.. _datapoints.Select(d => d.Value)], previous);
        AlarmTransition? transition = null;
        var since = _status.Since;
        if (_verdict.State != previous.State)
        {
            transition = new AlarmTransition(previous.State, _verdict.State, now, _verdict.Reason, _datapoints.Peek().Began);
            _transitions.Add(transition);
            if (_transitions.Count > KeptTransitions)
            {
                _transitions.RemoveAt(0);
            }

            since = now;
        }

        _status = AlarmStatus.Of(Alarm, _localPeriod, _verdict.State, _verdict.Reason, since, [.. _transitions]);
        return transition;
    }
}
