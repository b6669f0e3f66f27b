namespace Testbed.ServiceDefaults.Alarms;

/// <summary>The "Alarms" configuration section.</summary>
public sealed class AlarmsOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Alarms";

    /// <summary>The local evaluation period (Alarms__Period); empty uses each alarm's own (CloudWatch's minute). The AppHost shortens it so a change shows within seconds.</summary>
    public TimeSpan? Period { get; set; }
}
