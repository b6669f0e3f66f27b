using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Testbed.Infra.Definition;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>Evaluates the alarms that watch this service at the end of every period and logs each change of state.</summary>
public sealed class AlarmMonitor : BackgroundService
{
    private readonly CallRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger<AlarmMonitor> _logger;
    private readonly IReadOnlyList<AlarmTracker> _trackers;

    /// <summary>Creates the monitor of <paramref name="alarms"/>, every one in INSUFFICIENT_DATA until its first period ends.</summary>
    public AlarmMonitor(IEnumerable<AlarmDefinition> alarms, CallRecorder recorder, IOptions<AlarmsOptions> options, TimeProvider time, ILogger<AlarmMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _recorder = recorder;
        _time = time;
        _logger = logger;
        var now = time.GetUtcNow();
        _trackers = [.. alarms.Select(a => new AlarmTracker(a, options.Value.Period ?? a.Period, now))];
    }

    /// <summary>Every alarm of this service as it stands.</summary>
    public IReadOnlyList<AlarmStatus> Statuses => [.. _trackers.Select(t => t.Status)];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_trackers.Count == 0)
        {
            return;
        }

        // Alarms of one service may have different periods: one timer per period length.
        await Task.WhenAll(_trackers.GroupBy(t => t.Status.EvaluatedEverySeconds).Select(group => RunAsync([.. group], stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunAsync(IReadOnlyList<AlarmTracker> trackers, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(trackers[0].Status.EvaluatedEverySeconds), _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            ClosePeriods(trackers);
        }
    }

    private void ClosePeriods(IReadOnlyList<AlarmTracker> due)
    {
        var now = _time.GetUtcNow();
        foreach (var tracker in due)
        {
            if (tracker.Close(_recorder.TakePeriod(tracker.Alarm), now) is { } transition)
            {
                // ALARM is what someone must look at; a return to OK or to INSUFFICIENT_DATA is news, not a problem.
                _logger.Log(
                    transition.To == AlarmState.Alarm ? LogLevel.Warning : LogLevel.Information,
                    "Alarm {Alarm} went from {From} to {To}: {Reason}",
                    tracker.Alarm.Name,
                    AlarmStates.Text(transition.From),
                    AlarmStates.Text(transition.To),
                    transition.Reason);
            }
        }
    }
}
