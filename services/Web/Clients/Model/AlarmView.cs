namespace Testbed.Web.Clients.Model;

/// <summary>One API call alarm as GET /alarms shows it: its state (OK, ALARM or INSUFFICIENT_DATA), why, and since when.</summary>
public sealed record AlarmView(string Name, string Service, string State, string Reason, DateTimeOffset Since, string Description);
