namespace Testbed.Infra.Definition;

/// <summary>How an alarm treats a period without a datapoint; CloudWatch's TreatMissingData.</summary>
public enum MissingData
{
    /// <summary>"missing": with no datapoint in the evaluation range the alarm has INSUFFICIENT_DATA.</summary>
    Missing,

    /// <summary>"notBreaching": a missing datapoint counts as good (no calls, no errors).</summary>
    NotBreaching,

    /// <summary>"breaching": a missing datapoint counts as bad.</summary>
    Breaching,

    /// <summary>"ignore": the alarm keeps its state while datapoints are missing.</summary>
    Ignore,
}
