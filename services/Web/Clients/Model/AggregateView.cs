namespace Testbed.Web.Clients.Model;

/// <summary>One type's aggregate for one minute.</summary>
public sealed record AggregateView(string Type, string Window, long Count, IReadOnlyDictionary<string, FieldView> Fields);
