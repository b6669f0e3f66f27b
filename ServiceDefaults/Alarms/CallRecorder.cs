using System.Diagnostics.Metrics;
using Testbed.Infra.Definition;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>
/// Listens to ASP.NET Core's http.server.request.duration (the histogram OpenTelemetry exports) of this app's meter factory and
/// counts, per alarm, the calls its metric covers until the period is taken.
/// </summary>
public sealed class CallRecorder : IDisposable
{
    /// <summary>Routes that are not API calls: the orchestrator's probes and the alarm endpoint it polls would dilute every share.</summary>
    public static readonly IReadOnlySet<string> IgnoredRoutes = new HashSet<string>(StringComparer.Ordinal) { "/health", "/alive", AlarmsExtensions.Path };

    private readonly IReadOnlyList<(AlarmDefinition Alarm, CallTally Tally)> _tallies;
    private readonly MeterListener _listener = new();

    /// <summary>Starts listening to the instrument of the meters <paramref name="meterFactory"/> created (null: of any meter of that name).</summary>
    public CallRecorder(IEnumerable<AlarmDefinition> alarms, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        _tallies = [.. alarms.Select(a => (a, new CallTally(a.Metric.Measure == AlarmMeasure.LatencyP99)))];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Several apps in one process (tests) each have their own factory: count only this app's calls.
            if (instrument.Meter.Name == AlarmMetric.Meter && instrument.Name == AlarmMetric.Instrument
                && (meterFactory is null || ReferenceEquals(instrument.Meter.Scope, meterFactory)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnCall);
        _listener.Start();
    }

    /// <summary>The calls the alarm's metric covered since the last time its period was taken; starts the next period.</summary>
    public PeriodCalls TakePeriod(AlarmDefinition alarm) => _tallies.First(t => ReferenceEquals(t.Alarm, alarm)).Tally.Take();

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void OnCall(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? method = null;
        string? route = null;
        var status = 0;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "http.request.method":
                    method = tag.Value as string;
                    break;
                case "http.route":
                    route = tag.Value as string;
                    break;
                case "http.response.status_code":
                    status = Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }

        if (route is not null && IgnoredRoutes.Contains(route))
        {
            return;
        }

        foreach (var (alarm, tally) in _tallies)
        {
            if (alarm.Metric.Covers(method, route))
            {
                tally.Add(status >= 500, seconds);
            }
        }
    }
}
