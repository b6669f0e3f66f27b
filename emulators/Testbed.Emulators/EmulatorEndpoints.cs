using Testbed.Aws.Configuration;

namespace Testbed.Emulators;

/// <summary>Where each running emulator answers.</summary>
/// <param name="Kinesis">kinesalite's URL.</param>
/// <param name="DynamoDb">dynalite's URL.</param>
/// <param name="S3">s3rver's URL.</param>
public sealed record EmulatorEndpoints(Uri Kinesis, Uri DynamoDb, Uri S3)
{
    /// <summary>The Embedded-mode options that point clients at these emulators.</summary>
    public AwsOptions ToAwsOptions(string region = "us-east-1") => new()
    {
        Mode = AwsMode.Embedded,
        Region = region,
        KinesisServiceUrl = Kinesis,
        DynamoDbServiceUrl = DynamoDb,
        S3ServiceUrl = S3,
    };

    /// <summary>The same settings as environment variables, for child processes.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment(string region = "us-east-1") => new Dictionary<string, string>
    {
        ["Aws__Mode"] = nameof(AwsMode.Embedded),
        ["Aws__Region"] = region,
        ["Aws__KinesisServiceUrl"] = Kinesis.ToString(),
        ["Aws__DynamoDbServiceUrl"] = DynamoDb.ToString(),
        ["Aws__S3ServiceUrl"] = S3.ToString(),
    };
}
