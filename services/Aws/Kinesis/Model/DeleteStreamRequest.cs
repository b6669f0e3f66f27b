namespace Testbed.Aws.Kinesis.Model;

/// <summary>Input of DeleteStream.</summary>
public sealed record DeleteStreamRequest
{
    /// <summary>The stream's name.</summary>
    public required string StreamName { get; init; }

    /// <summary>Delete even when consumers are registered.</summary>
    public bool? EnforceConsumerDeletion { get; init; }
}
