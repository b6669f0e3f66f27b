namespace Testbed.Infra.Definition;

/// <summary>An alarm on a service's API calls, evaluated locally by the service and emitted as an AWS::CloudWatch::Alarm.</summary>
/// <param name="Name">The alarm's name, unique in the pipeline (CloudFormation prefixes it with NamePrefix).</param>
/// <param name="Service">The service whose calls it watches, as the AppHost names it (ingestion, api).</param>
/// <param name="Metric">What it measures.</param>
/// <param name="Threshold">The value a datapoint is compared with, in the measure's unit (percent, calls per period, seconds).</param>
/// <param name="Comparison">How a datapoint is compared with the threshold.</param>
/// <param name="Period">The length of one datapoint (CloudWatch's Period); locally the services may use a shorter one.</param>
/// <param name="EvaluationPeriods">How many of the latest periods are evaluated; every one of them must breach for ALARM.</param>
/// <param name="MissingData">How a period without a datapoint is treated.</param>
/// <param name="Description">What the alarm means for the people who receive it.</param>
public sealed record AlarmDefinition(
    string Name,
    string Service,
    AlarmMetric Metric,
    double Threshold,
    AlarmComparison Comparison,
    TimeSpan Period,
    int EvaluationPeriods,
    MissingData MissingData,
    string Description)
{
    /// <summary>Whether a datapoint breaches the threshold.</summary>
    public bool Breaches(double value) => Comparison switch
    {
        AlarmComparison.GreaterThanThreshold => value > Threshold,
        AlarmComparison.GreaterThanOrEqualToThreshold => value >= Threshold,
        AlarmComparison.LessThanThreshold => value < Threshold,
        _ => value <= Threshold,
    };
}
