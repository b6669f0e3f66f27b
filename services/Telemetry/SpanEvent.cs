namespace Testbed.Telemetry;

/// <summary>Something a span recorded at a point in its life (an exception, a retry), with its attributes as text.</summary>
public sealed record SpanEvent(DateTimeOffset Time, string Name, IReadOnlyDictionary<string, string> Attributes);
