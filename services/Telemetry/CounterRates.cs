namespace Testbed.Telemetry;

/// <summary>Recent readings of counters received over OTLP, and their rate per second summed over every source.</summary>
public sealed class CounterRates(TimeProvider time)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(2);
    private readonly Dictionary<(string Metric, string Series), List<(DateTimeOffset Time, double Total)>> _series = [];
    private readonly Lock _gate = new();

    /// <summary>Keeps the readings; deltas are turned into running totals.</summary>
    public void Add(IEnumerable<CounterPoint> points)
    {
        lock (_gate)
        {
            foreach (var point in points)
            {
                if (!_series.TryGetValue((point.Metric, point.Series), out var readings))
                {
                    _series[(point.Metric, point.Series)] = readings = [];
                }

                var total = point.IsDelta && readings.Count > 0 ? readings[^1].Total + point.Value : point.Value;
                readings.Add((point.Time, total));
                readings.RemoveAll(r => point.Time - r.Time > Kept);
            }
        }
    }

    /// <summary>The counter's increase per second over about the last <paramref name="window"/>, over all sources; 0 when nothing recent was read.</summary>
    public double PerSecond(string metric, TimeSpan window)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var rate = 0.0;
            foreach (var ((name, _), readings) in _series)
            {
                // A source that stopped reporting (stopped, crashed) no longer adds to the rate.
                if (name != metric || readings.Count < 2 || now - readings[^1].Time > window + window)
                {
                    continue;
                }

                var last = readings[^1];
                var first = readings.LastOrDefault(r => last.Time - r.Time >= window, readings[0]);
                var seconds = (last.Time - first.Time).TotalSeconds;
                if (seconds > 0 && last.Total >= first.Total)
                {
                    rate += (last.Total - first.Total) / seconds;
                }
            }

            return rate;
        }
    }
}
