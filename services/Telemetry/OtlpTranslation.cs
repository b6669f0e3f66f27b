using System.Globalization;
using Google.Protobuf;
using Testbed.Telemetry.Otlp;

namespace Testbed.Telemetry;

/// <summary>Turns OTLP export requests into <see cref="ReceivedSpan"/>s and <see cref="CounterPoint"/>s.</summary>
public static class OtlpTranslation
{
    /// <summary>The spans of the request, each with its resource's service.name.</summary>
    public static IEnumerable<ReceivedSpan> Spans(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { } name ? Text(name) : "unknown";
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    yield return new ReceivedSpan(
                        Hex(span.TraceId),
                        Hex(span.SpanId),
                        span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
                        span.Name,
                        Kind(span.Kind),
                        service,
                        Time(span.StartTimeUnixNano),
                        Time(span.EndTimeUnixNano),
                        Attributes(span.Attributes),
                        span.Status?.Code == Status.Types.StatusCode.Error ? (string.IsNullOrEmpty(span.Status.Message) ? "error" : span.Status.Message) : null,
                        [.. span.Events.Select(e => new SpanEvent(Time(e.TimeUnixNano), e.Name, Attributes(e.Attributes))).OrderBy(e => e.Time)]);
                }
            }
        }
    }

    /// <summary>The counter points of a metrics export, each with its resource's service and instance.</summary>
    public static IEnumerable<CounterPoint> Counters(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = Attributes(resourceMetrics.Resource?.Attributes ?? []);
            var source = resource.GetValueOrDefault("service.name", "unknown") + "/" + resource.GetValueOrDefault("service.instance.id", string.Empty);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics).Where(m => m.Sum is not null))
            {
                foreach (var point in metric.Sum.DataPoints)
                {
                    var series = source + "|" + string.Join(",", Attributes(point.Attributes).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
                    yield return new CounterPoint(
                        metric.Name,
                        series,
                        Time(point.TimeUnixNano),
                        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
                        metric.Sum.AggregationTemporality == AggregationTemporality.Delta);
                }
            }
        }
    }

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Text(g.Last().Value));

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static DateTimeOffset Time(ulong unixNanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));

    private static string Kind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "server",
        Span.Types.SpanKind.Client => "client",
        Span.Types.SpanKind.Producer => "producer",
        Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => string.Empty,
    };
}
