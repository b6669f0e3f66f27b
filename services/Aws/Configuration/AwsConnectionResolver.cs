using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Testbed.Aws.Configuration;

/// <summary>Turns the standard settings into endpoints and credentials; emulators, LocalStack and AWS differ only in the values.</summary>
public static class AwsConnectionResolver
{
    /// <summary>Resolves the options, or throws <see cref="InvalidOperationException"/> naming the setting at fault.</summary>
    public static AwsConnection Resolve(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            throw new InvalidOperationException("AWS_REGION is not set; set it (for example AWS_REGION=us-east-1). The AppHost sets it for every service.");
        }

        return new AwsConnection(
            options.Region,
            options.KinesisServiceUrl ?? options.ServiceUrl,
            options.DynamoDbServiceUrl ?? options.ServiceUrl,
            options.S3ServiceUrl ?? options.ServiceUrl,
            Credentials(options));
    }

    private static AWSCredentials Credentials(AwsOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId))
        {
            return string.IsNullOrEmpty(options.SecretAccessKey)
                ? throw new InvalidOperationException("AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY; set both, or neither to use a profile.")
                : new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey);
        }

        if (string.IsNullOrEmpty(options.Profile))
        {
            try
            {
                return DefaultAWSCredentialsIdentityResolver.GetCredentials();
            }
            catch (AmazonClientException error)
            {
                throw new InvalidOperationException(
                    "No AWS credentials were found: set AWS_PROFILE to a profile from ~/.aws (aws configure --profile NAME), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", error);
            }
        }

        var profiles = string.IsNullOrEmpty(options.ProfilesLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(options.ProfilesLocation);
        return profiles.TryGetAWSCredentials(options.Profile, out var credentials)
            ? credentials
            : throw new InvalidOperationException($"AWS_PROFILE '{options.Profile}' was not found in the shared AWS config or credentials files; create it with aws configure --profile {options.Profile}.");
    }
}
