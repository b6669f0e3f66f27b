using System.Globalization;
using System.Text.RegularExpressions;

namespace Testbed.LoadTests.Thresholds;

/// <summary>A condition on one figure of the run, such as "freshness.p99 &lt; 500ms", "ingest.fail = 0" or "loss = 0".</summary>
/// <param name="Text">As the user wrote it.</param>
/// <param name="Figure">step.metric (ingest.p99, freshness.p50, read.rate, …) or loss.</param>
/// <param name="Operator">&lt;, &lt;=, &gt;, &gt;=, = or !=.</param>
/// <param name="Value">The bound; latencies in milliseconds.</param>
public sealed partial record Threshold(string Text, string Figure, string Operator, double Value)
{
    /// <summary>Parses one threshold; throws <see cref="ArgumentException"/> saying what is accepted.</summary>
    public static Threshold Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new ArgumentException($"--threshold '{text}': expected '<step>.<metric> <op> <value>' such as 'freshness.p99 < 500ms', 'ingest.fail = 0' or 'loss = 0'.");
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) * match.Groups["unit"].Value switch
        {
            "s" => 1000,
            "%" => 0.01,
            _ => 1,
        };
        return new Threshold(text, match.Groups["figure"].Value.ToLowerInvariant(), match.Groups["op"].Value, value);
    }

    /// <summary>Whether the figure meets the condition.</summary>
    public bool IsMetBy(double figure) => Operator switch
    {
        "<" => figure < Value,
        "<=" => figure <= Value,
        ">" => figure > Value,
        ">=" => figure >= Value,
        "!=" => figure != Value,
        _ => figure == Value,
    };

    [GeneratedRegex(@"^\s*(?<figure>[a-zA-Z-]+(\.[a-zA-Z0-9]+)?)\s*(?<op><=|>=|!=|==|<|>|=)\s*(?<value>\d+(\.\d+)?)\s*(?<unit>ms|s|%)?\s*$")]
    private static partial Regex Pattern();
}
