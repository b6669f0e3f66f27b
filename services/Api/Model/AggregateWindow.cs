namespace Testbed.Api.Model;

/// <summary>One type's aggregate for one minute.</summary>
public sealed record AggregateWindow(string Type, string Window, long Count, IReadOnlyDictionary<string, FieldSummary> Fields);
