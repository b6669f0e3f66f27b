using System.Text.Json.Serialization;

namespace Testbed.Aws.Kinesis;

/// <summary>The body of a Kinesis error answer.</summary>
internal sealed record KinesisErrorBody
{
    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("Message")]
    public string? UpperMessage { get; init; }
}
