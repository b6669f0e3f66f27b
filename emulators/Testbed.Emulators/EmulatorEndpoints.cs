using Testbed.Aws.Configuration;

namespace Testbed.Emulators;

/// <summary>Where each running emulator answers.</summary>
/// <param name="Kinesis">kinesalite's URL.</param>
/// <param name="DynamoDb">dynalite's URL.</param>
/// <param name="S3">s3rver's URL.</param>
public sealed record EmulatorEndpoints(Uri Kinesis, Uri DynamoDb, Uri S3)
{
    /// <summary>The standard settings that point clients at these emulators, with the emulators' keys.</summary>
    public AwsOptions ToAwsOptions(string region = "us-east-1") => new()
    {
        Region = region,
        KinesisServiceUrl = Kinesis,
        DynamoDbServiceUrl = DynamoDb,
        S3ServiceUrl = S3,
        AccessKeyId = AwsOptions.EmbeddedAccessKeyId,
        SecretAccessKey = AwsOptions.EmbeddedSecretAccessKey,
    };

    /// <summary>The same settings as environment variables (AWS_REGION, AWS_ENDPOINT_URL_*, keys), for child processes.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment(string region = "us-east-1") => ToAwsOptions(region).ToEnvironment();
}
