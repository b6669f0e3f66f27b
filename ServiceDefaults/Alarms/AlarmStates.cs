namespace Testbed.ServiceDefaults.Alarms;

/// <summary>The states as text, as they appear on the wire, in logs and in the dashboard.</summary>
public static class AlarmStates
{
    /// <summary>CloudWatch's name of the state: OK, ALARM or INSUFFICIENT_DATA.</summary>
    public static string Text(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };
}
