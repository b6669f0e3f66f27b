namespace Testbed.Aws.Kinesis.Model;

/// <summary>An inclusive range of 128-bit partition-key hashes, as decimal strings.</summary>
public sealed record HashKeyRange
{
    /// <summary>The lowest hash in the range.</summary>
    public required string StartingHashKey { get; init; }

    /// <summary>The highest hash in the range.</summary>
    public required string EndingHashKey { get; init; }
}
