using Amazon.Runtime;
using Testbed.Aws.Retries;

namespace Testbed.Aws.Kinesis;

/// <summary>Where the Kinesis client sends its calls and how it signs and retries them.</summary>
public sealed record KinesisClientOptions
{
    /// <summary>The endpoint, such as https://kinesis.eu-west-1.amazonaws.com or an emulator's URL.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>The region the signature is scoped to.</summary>
    public required string Region { get; init; }

    /// <summary>Where the keys come from: fixed keys, a profile, or the SDK's default chain.</summary>
    public required AWSCredentials Credentials { get; init; }

    /// <summary>How throttled and failed calls are retried.</summary>
    public BackoffPolicy Retry { get; init; } = new();

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
