namespace Testbed.Api.Model;

/// <summary>One page of events and the token for the next one (null on the last page).</summary>
public sealed record EventPage(IReadOnlyList<EventItem> Items, string? Next);
