namespace Testbed.Web.Clients.Model;

/// <summary>Count, sum, minimum, maximum and mean of one numeric field in a window.</summary>
public sealed record FieldView(long Count, decimal Sum, decimal Min, decimal Max, decimal Mean);
