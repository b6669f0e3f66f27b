namespace Testbed.Web.Clients.Model;

/// <summary>A line of an uploaded file that was not stored, and why.</summary>
public sealed record RejectedRowView(long Line, string Error);
