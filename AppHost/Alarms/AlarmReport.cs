namespace Testbed.AppHost.Alarms;

/// <summary>One alarm as a service reports it at GET /alarms (the fields the dashboard shows).</summary>
/// <param name="Name">The alarm's name.</param>
/// <param name="State">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="Reason">Why.</param>
/// <param name="Since">Since when, if known.</param>
public sealed record AlarmReport(string Name, string State, string Reason, DateTimeOffset? Since)
{
    /// <summary>CloudWatch's OK.</summary>
    public const string Ok = "OK";

    /// <summary>CloudWatch's ALARM.</summary>
    public const string Alarm = "ALARM";

    /// <summary>CloudWatch's INSUFFICIENT_DATA.</summary>
    public const string InsufficientData = "INSUFFICIENT_DATA";
}
