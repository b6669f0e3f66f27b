namespace Testbed.Infra.Definition;

/// <summary>How a datapoint is compared with an alarm's threshold; the names are CloudWatch's ComparisonOperator values.</summary>
public enum AlarmComparison
{
    /// <summary>Breaching when the datapoint is above the threshold.</summary>
    GreaterThanThreshold,

    /// <summary>Breaching when the datapoint is at or above the threshold.</summary>
    GreaterThanOrEqualToThreshold,

    /// <summary>Breaching when the datapoint is below the threshold.</summary>
    LessThanThreshold,

    /// <summary>Breaching when the datapoint is at or below the threshold.</summary>
    LessThanOrEqualToThreshold,
}
