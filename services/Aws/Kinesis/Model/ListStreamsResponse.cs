namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of ListStreams.</summary>
public sealed record ListStreamsResponse
{
    /// <summary>The streams' names.</summary>
    public IReadOnlyList<string> StreamNames { get; init; } = [];

    /// <summary>Whether more names follow.</summary>
    public bool HasMoreStreams { get; init; }
}
