namespace Testbed.Aws.Kinesis.Model;

/// <summary>The sequence numbers a shard has given.</summary>
public sealed record SequenceNumberRange
{
    /// <summary>The first sequence number.</summary>
    public required string StartingSequenceNumber { get; init; }

    /// <summary>The last one, once the shard is closed.</summary>
    public string? EndingSequenceNumber { get; init; }
}
