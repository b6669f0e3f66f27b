using System.Globalization;
using Google.Protobuf;
using Testbed.Telemetry.Otlp;

namespace Testbed.Telemetry;

/// <summary>Turns an OTLP export request into <see cref="ReceivedSpan"/>s.</summary>
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
                        span.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Text(g.Last().Value)),
                        span.Status?.Code == Status.Types.StatusCode.Error ? (string.IsNullOrEmpty(span.Status.Message) ? "error" : span.Status.Message) : null);
                }
            }
        }
    }

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
