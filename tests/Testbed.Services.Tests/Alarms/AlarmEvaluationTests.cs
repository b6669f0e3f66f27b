using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Services.Tests.Alarms;

/// <summary>A period's calls become a datapoint, and the latest datapoints a state, as CloudWatch decides it.</summary>
public sealed class AlarmEvaluationTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly AlarmVerdict Unknown = new(AlarmState.InsufficientData, "not evaluated yet");

    [Fact]
    public void The_5xx_share_is_the_percentage_of_calls_answered_5xx()
    {
        var alarm = Share(MissingData.NotBreaching);

        Assert.Equal(25, AlarmEvaluation.Datapoint(alarm, new PeriodCalls(8, 2, []), Minute));
        Assert.Equal(0, AlarmEvaluation.Datapoint(alarm, new PeriodCalls(8, 0, []), Minute));
        Assert.Null(AlarmEvaluation.Datapoint(alarm, PeriodCalls.None, Minute));
    }

    [Fact]
    public void A_call_count_is_scaled_to_the_definition_period_when_the_local_period_is_shorter()
    {
        var alarm = Alarm(new AlarmMetric(AlarmMeasure.CallCount, "POST", "/events"), 600, MissingData.NotBreaching);

        Assert.Equal(120, AlarmEvaluation.Datapoint(alarm, new PeriodCalls(20, 0, []), TimeSpan.FromSeconds(10)));
        Assert.Equal(20, AlarmEvaluation.Datapoint(alarm, new PeriodCalls(20, 0, []), Minute));
    }

    [Fact]
    public void The_p99_is_the_nearest_rank_percentile_of_the_durations()
    {
        var alarm = Alarm(new AlarmMetric(AlarmMeasure.LatencyP99), 0.5, MissingData.Missing);
        var durations = Enumerable.Range(1, 200).Select(i => i / 1000.0).Reverse().ToList();

        Assert.Equal(0.198, AlarmEvaluation.Datapoint(alarm, new PeriodCalls(200, 0, durations), Minute));
        Assert.Equal(0.042, AlarmEvaluation.Datapoint(alarm, new PeriodCalls(1, 0, [0.042]), Minute));
    }

    [Theory]
    [InlineData(AlarmComparison.GreaterThanThreshold, 1.0, false)]
    [InlineData(AlarmComparison.GreaterThanThreshold, 1.01, true)]
    [InlineData(AlarmComparison.GreaterThanOrEqualToThreshold, 1.0, true)]
    [InlineData(AlarmComparison.GreaterThanOrEqualToThreshold, 0.99, false)]
    [InlineData(AlarmComparison.LessThanThreshold, 0.99, true)]
    [InlineData(AlarmComparison.LessThanThreshold, 1.0, false)]
    [InlineData(AlarmComparison.LessThanOrEqualToThreshold, 1.0, true)]
    [InlineData(AlarmComparison.LessThanOrEqualToThreshold, 1.01, false)]
    public void A_datapoint_breaches_by_the_comparison(AlarmComparison comparison, double value, bool alarms)
    {
        var alarm = Share(MissingData.NotBreaching) with { Comparison = comparison };

        var verdict = AlarmEvaluation.Evaluate(alarm, [value], Unknown);

        Assert.Equal(alarms ? AlarmState.Alarm : AlarmState.Ok, verdict.State);
    }

    [Fact]
    public void Over_the_threshold_is_ALARM_with_the_value_and_the_threshold_in_the_reason()
    {
        var verdict = AlarmEvaluation.Evaluate(Share(MissingData.NotBreaching), [50.0], Unknown);

        Assert.Equal(AlarmState.Alarm, verdict.State);
        Assert.Contains("[50]", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("> 1", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_the_threshold_is_OK()
    {
        var verdict = AlarmEvaluation.Evaluate(Share(MissingData.NotBreaching), [0.5], new AlarmVerdict(AlarmState.Alarm, "was bad"));

        Assert.Equal(AlarmState.Ok, verdict.State);
        Assert.Contains("not > 1", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_evaluated_period_must_breach_for_ALARM()
    {
        var alarm = Share(MissingData.NotBreaching) with { EvaluationPeriods = 3 };

        Assert.Equal(AlarmState.Ok, AlarmEvaluation.Evaluate(alarm, [5.0, 0.0, 5.0], Unknown).State);
        Assert.Equal(AlarmState.Alarm, AlarmEvaluation.Evaluate(alarm, [0.0, 5.0, 5.0, 5.0], Unknown).State);
    }

    [Theory]
    [InlineData(MissingData.NotBreaching, AlarmState.Ok)]
    [InlineData(MissingData.Breaching, AlarmState.Alarm)]
    [InlineData(MissingData.Missing, AlarmState.InsufficientData)]
    public void A_period_without_calls_counts_as_the_missing_data_treatment_says(MissingData missing, AlarmState expected)
    {
        var verdict = AlarmEvaluation.Evaluate(Share(missing), [null], new AlarmVerdict(AlarmState.Alarm, "was bad"));

        Assert.Equal(expected, verdict.State);
    }

    [Fact]
    public void Ignore_keeps_the_state_while_datapoints_are_missing_but_never_invents_one()
    {
        var alarm = Share(MissingData.Ignore);
        var alarming = new AlarmVerdict(AlarmState.Alarm, "was bad");

        Assert.Same(alarming, AlarmEvaluation.Evaluate(alarm, [null], alarming));
        Assert.Equal(AlarmState.InsufficientData, AlarmEvaluation.Evaluate(alarm, [null], Unknown).State);
    }

    [Fact]
    public void With_missing_treated_as_missing_the_periods_with_data_decide()
    {
        var alarm = Share(MissingData.Missing) with { EvaluationPeriods = 3 };

        Assert.Equal(AlarmState.Alarm, AlarmEvaluation.Evaluate(alarm, [null, 5.0, null], Unknown).State);
        Assert.Equal(AlarmState.Ok, AlarmEvaluation.Evaluate(alarm, [0.0, 5.0, null], Unknown).State);
    }

    private static AlarmDefinition Share(MissingData missing) => Alarm(new AlarmMetric(AlarmMeasure.ServerErrorPercent), 1, missing);

    private static AlarmDefinition Alarm(AlarmMetric metric, double threshold, MissingData missing) =>
        new("test", ApiCallAlarms.Ingestion, metric, threshold, AlarmComparison.GreaterThanThreshold, Minute, 1, missing, "a test alarm");
}
