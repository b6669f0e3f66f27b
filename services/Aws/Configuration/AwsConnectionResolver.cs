using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Testbed.Aws.Configuration;

/// <summary>Turns the configured mode into endpoints and credentials; the only place that knows the modes apart.</summary>
public static class AwsConnectionResolver
{
    /// <summary>LocalStack's edge endpoint when none is configured.</summary>
    public static readonly Uri DefaultLocalStackUrl = new("http://localhost:4566");

    /// <summary>Resolves the options, or throws <see cref="InvalidOperationException"/> naming the setting at fault.</summary>
    public static AwsConnection Resolve(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            throw new InvalidOperationException("Aws:Region is empty; set it (for example Aws__Region=us-east-1).");
        }

        return options.Mode switch
        {
            AwsMode.Embedded => new AwsConnection(
                options.Mode,
                options.Region,
                Required(options.KinesisServiceUrl, nameof(AwsOptions.KinesisServiceUrl)),
                Required(options.DynamoDbServiceUrl, nameof(AwsOptions.DynamoDbServiceUrl)),
                Required(options.S3ServiceUrl, nameof(AwsOptions.S3ServiceUrl)),
                FixedCredentials(options, AwsOptions.EmbeddedAccessKeyId, AwsOptions.EmbeddedSecretAccessKey)),
            AwsMode.LocalStack => LocalStack(options),
            AwsMode.Aws => new AwsConnection(options.Mode, options.Region, null, null, null, AwsCredentials(options)),
            _ => throw new InvalidOperationException($"Aws:Mode '{options.Mode}' is unknown; use Embedded, LocalStack or Aws."),
        };
    }

    private static AwsConnection LocalStack(AwsOptions options)
    {
        var edge = options.ServiceUrl ?? DefaultLocalStackUrl;
        return new AwsConnection(options.Mode, options.Region, edge, edge, edge, FixedCredentials(options, "test", "test"));
    }

    private static Uri Required(Uri? url, string name) => url ?? throw new InvalidOperationException(
        $"Aws:{name} is not set. In Embedded mode the AppHost and the test fixtures set it (Aws__{name}) when they start the emulators.");

    private static BasicAWSCredentials FixedCredentials(AwsOptions options, string accessKey, string secretKey) =>
        new(
            string.IsNullOrEmpty(options.AccessKeyId) ? accessKey : options.AccessKeyId,
            string.IsNullOrEmpty(options.SecretAccessKey) ? secretKey : options.SecretAccessKey);

    private static AWSCredentials AwsCredentials(AwsOptions options)
    {
        if (string.IsNullOrEmpty(options.Profile))
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }

        var profiles = string.IsNullOrEmpty(options.ProfilesLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(options.ProfilesLocation);
        return profiles.TryGetAWSCredentials(options.Profile, out var credentials)
            ? credentials
            : throw new InvalidOperationException($"Aws:Profile '{options.Profile}' was not found in the shared AWS config or credentials files.");
    }
}
