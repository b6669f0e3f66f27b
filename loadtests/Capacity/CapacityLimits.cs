using System.Globalization;
using Testbed.LoadTests.Measurement;

namespace Testbed.LoadTests.Capacity;

/// <summary>When a stage counts as not kept up: client freshness p99 or the backlog over its limit, or ingestion refusing or falling short of the offered rate.</summary>
/// <param name="MaxFreshness">The highest client freshness p99 that still counts as real time.</param>
/// <param name="MaxBacklog">The most unread records at the end of a stage, in seconds of the offered rate.</param>
public sealed record CapacityLimits(TimeSpan MaxFreshness, TimeSpan MaxBacklog)
{
    // Ingestion counts as keeping up while it answers at least this share of the offered requests with 202.
    private const double AcceptedShare = 0.99;

    /// <summary>What the stage exceeded, in words; empty when it kept up.</summary>
    public IReadOnlyList<string> Breaches(double rate, StepStats ingest, StepStats freshness, double? backlogSeconds)
    {
        var breaches = new List<string>();
        if (ingest.Count > 0 && ingest.Ok < ingest.Count * AcceptedShare)
        {
            breaches.Add(Text($"ingestion accepted {ingest.Ok:N0} of {ingest.Count:N0} requests"));
        }

        if (freshness.Ok == 0)
        {
            breaches.Add("no sampled event became queryable");
        }
        else if (freshness.P99 > MaxFreshness.TotalMilliseconds)
        {
            breaches.Add(Text($"freshness p99 {freshness.P99:0} ms > {MaxFreshness.TotalMilliseconds:0} ms"));
        }

        if (freshness.Failed > 0)
        {
            breaches.Add(Text($"{freshness.Failed:N0} sampled events never became queryable"));
        }

        if (backlogSeconds > MaxBacklog.TotalSeconds)
        {
            breaches.Add(Text($"backlog {backlogSeconds:0.0} s of events at {rate:0}/s > {MaxBacklog.TotalSeconds:0.#} s"));
        }

        return breaches;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
