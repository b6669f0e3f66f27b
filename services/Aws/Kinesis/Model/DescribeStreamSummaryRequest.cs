namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of DescribeStreamSummary.</summary>
public sealed record DescribeStreamSummaryRequest
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }
}
