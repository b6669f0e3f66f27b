namespace Testbed.Telemetry;

/// <summary>One trace in a list: its root, the services it crossed, how long it took and whether anything failed.</summary>
public sealed record TraceSummary(string TraceId, string RootName, IReadOnlyList<string> Services, DateTimeOffset Start, TimeSpan Duration, int SpanCount, bool HasError);
