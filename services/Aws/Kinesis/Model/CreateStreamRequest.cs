namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of CreateStream: a provisioned stream with a fixed number of shards.</summary>
public sealed record CreateStreamRequest
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>How many shards the stream starts with.</summary>
    public int ShardCount { get; init; } = 1;
}
