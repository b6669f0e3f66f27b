namespace Testbed.Telemetry;

/// <summary>The most recent spans in memory, grouped by trace; the oldest traces go first when full.</summary>
public sealed class TraceStore(int maxSpans = 200_000)
{
    private readonly Dictionary<string, List<ReceivedSpan>> _traces = [];
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>Keeps the spans.</summary>
    public void Add(IEnumerable<ReceivedSpan> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    _traces[span.TraceId] = trace = [];
                    _order.Enqueue(span.TraceId);
                }

                trace.Add(span);
                _count++;
            }

            while (_count > maxSpans && _order.TryDequeue(out var oldest))
            {
                if (_traces.Remove(oldest, out var dropped))
                {
                    _count -= dropped.Count;
                }
            }
        }
    }

    /// <summary>Every span of a trace, by start time; empty when unknown.</summary>
    public IReadOnlyList<ReceivedSpan> GetTrace(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId.ToLowerInvariant(), out var trace) ? [.. trace.OrderBy(s => s.Start)] : [];
        }
    }

    /// <summary>The most recent traces, newest first, optionally only those touching a service, with an error, or with a span whose name or an attribute value contains <paramref name="search"/> (an event id, say).</summary>
    public IReadOnlyList<TraceSummary> Recent(int limit = 100, string? service = null, bool errorsOnly = false, string? search = null)
    {
        lock (_gate)
        {
            return [.. _traces.Values
                .Where(spans => string.IsNullOrEmpty(search) || spans.Any(s => Mentions(s, search)))
                .Select(Summarize)
                .Where(t => service is null || t.Services.Contains(service))
                .Where(t => !errorsOnly || t.HasError)
                .OrderByDescending(t => t.Start)
                .Take(limit)];
        }
    }

    private static bool Mentions(ReceivedSpan span, string text) =>
        span.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || span.TraceId.Equals(text, StringComparison.OrdinalIgnoreCase)
        || span.Attributes.Values.Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static TraceSummary Summarize(List<ReceivedSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans[0];
        var start = spans.Min(s => s.Start);
        return new TraceSummary(
            root.TraceId,
            root.Name,
            [.. spans.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal)],
            start,
            spans.Max(s => s.End) - start,
            spans.Count,
            spans.Any(s => s.Error is not null));
    }
}
