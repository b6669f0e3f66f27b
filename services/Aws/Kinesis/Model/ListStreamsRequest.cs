namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of ListStreams.</summary>
public sealed record ListStreamsRequest
{
    /// <summary>At most this many names.</summary>
    public int? Limit { get; init; }

    /// <summary>List names after this one.</summary>
    public string? ExclusiveStartStreamName { get; init; }
}
