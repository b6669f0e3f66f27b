using System.Text.Json.Serialization;

namespace Testbed.ServiceDefaults.Alarms;

/// <summary>An alarm's state, named as CloudWatch names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmState>))]
public enum AlarmState
{
    /// <summary>Not enough data to tell: not evaluated yet, no datapoint in the range, or the service could not be asked.</summary>
    [JsonStringEnumMemberName("INSUFFICIENT_DATA")]
    InsufficientData,

    /// <summary>The metric is within the threshold.</summary>
    [JsonStringEnumMemberName("OK")]
    Ok,

    /// <summary>The metric breached the threshold.</summary>
    [JsonStringEnumMemberName("ALARM")]
    Alarm,
}
