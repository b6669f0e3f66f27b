namespace Testbed.Infra.Definition;

/// <summary>The alarms on the services' API calls: the one list the services evaluate, the AppHost shows and CloudFormation emits.</summary>
public static class ApiCallAlarms
{
    /// <summary>The ingestion service, as the AppHost names it.</summary>
    public const string Ingestion = "ingestion";

    /// <summary>The query Api, as the AppHost names it.</summary>
    public const string Api = "api";

    /// <summary>CloudWatch's standard resolution for these alarms: one datapoint a minute.</summary>
    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Every alarm, in the order they are listed.</summary>
    public static IReadOnlyList<AlarmDefinition> All { get; } =
    [
        new(
            "ingestion-5xx",
            Ingestion,
            new AlarmMetric(AlarmMeasure.ServerErrorPercent),
            1,
            AlarmComparison.GreaterThanThreshold,
            Minute,
            1,
            MissingData.NotBreaching,
            "Over 1 % of the calls to ingestion in a minute answered 5xx (503: Kinesis did not take the events)."),
        new(
            "ingestion-post-events-calls",
            Ingestion,
            new AlarmMetric(AlarmMeasure.CallCount, "POST", "/events"),
            60_000,
            AlarmComparison.GreaterThanThreshold,
            Minute,
            1,
            MissingData.NotBreaching,
            "Over 60,000 POST /events calls in a minute (1,000 a second): half of what two shards take (1,000 records a second each); time to add shards."),
        new(
            "ingestion-p99-latency",
            Ingestion,
            new AlarmMetric(AlarmMeasure.LatencyP99),
            0.5,
            AlarmComparison.GreaterThanThreshold,
            Minute,
            1,
            MissingData.Missing,
            "The p99 duration of calls to ingestion over 0.5 s in a minute: events wait for Kinesis longer than a real-time client tolerates."),
        new(
            "api-5xx",
            Api,
            new AlarmMetric(AlarmMeasure.ServerErrorPercent),
            1,
            AlarmComparison.GreaterThanThreshold,
            Minute,
            1,
            MissingData.NotBreaching,
            "Over 1 % of the calls to the Api in a minute answered 5xx."),
        new(
            "api-p99-latency",
            Api,
            new AlarmMetric(AlarmMeasure.LatencyP99),
            1,
            AlarmComparison.GreaterThanThreshold,
            Minute,
            1,
            MissingData.Missing,
            "The p99 duration of calls to the Api over 1 s in a minute."),
    ];

    /// <summary>The alarms that watch one service.</summary>
    public static IReadOnlyList<AlarmDefinition> Of(string service) => [.. All.Where(a => a.Service == service)];
}
