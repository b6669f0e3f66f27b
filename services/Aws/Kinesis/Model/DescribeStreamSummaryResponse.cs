namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of DescribeStreamSummary.</summary>
public sealed record DescribeStreamSummaryResponse
{
    /// <summary>The stream's status, shard count and retention.</summary>
    public required StreamDescriptionSummary StreamDescriptionSummary { get; init; }
}
