namespace Testbed.Aws.Kinesis.Model;

/// <summary>A stream's name, ARN, status, open shard count and retention.</summary>
public sealed record StreamDescriptionSummary
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>The stream's ARN.</summary>
    public string? StreamARN { get; init; }

    /// <summary>One of <see cref="StreamStatus"/>.</summary>
    public required string StreamStatus { get; init; }

    /// <summary>Open shards now.</summary>
    public int OpenShardCount { get; init; }

    /// <summary>How long records are kept.</summary>
    public int RetentionPeriodHours { get; init; }

    /// <summary>When the stream was created.</summary>
    public DateTimeOffset? StreamCreationTimestamp { get; init; }
}
