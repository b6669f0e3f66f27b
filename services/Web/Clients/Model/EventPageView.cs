namespace Testbed.Web.Clients.Model;

/// <summary>One page of events and the token of the next (null on the last page).</summary>
public sealed record EventPageView(IReadOnlyList<EventView> Items, string? Next);
