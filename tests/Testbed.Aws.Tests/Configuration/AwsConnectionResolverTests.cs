using Amazon.Runtime;
using Testbed.Aws.Configuration;

namespace Testbed.Aws.Tests.Configuration;

public sealed class AwsConnectionResolverTests
{
    [Fact]
    public void Embedded_mode_uses_each_emulator_endpoint_and_the_local_keys()
    {
        var connection = AwsConnectionResolver.Resolve(new AwsOptions
        {
            Mode = AwsMode.Embedded,
            KinesisServiceUrl = new Uri("http://127.0.0.1:1001"),
            DynamoDbServiceUrl = new Uri("http://127.0.0.1:1002"),
            S3ServiceUrl = new Uri("http://127.0.0.1:1003"),
        });

        Assert.Equal(1001, connection.KinesisServiceUrl!.Port);
        Assert.Equal(1002, connection.DynamoDbServiceUrl!.Port);
        Assert.Equal(1003, connection.S3ServiceUrl!.Port);
        Assert.Equal(AwsOptions.EmbeddedAccessKeyId, connection.Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void Embedded_mode_without_an_endpoint_names_the_missing_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsConnectionResolver.Resolve(new AwsOptions
        {
            KinesisServiceUrl = new Uri("http://127.0.0.1:1001"),
            S3ServiceUrl = new Uri("http://127.0.0.1:1003"),
        }));

        Assert.Contains("Aws__DynamoDbServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalStack_mode_sends_every_service_to_the_edge_endpoint()
    {
        var connection = AwsConnectionResolver.Resolve(new AwsOptions { Mode = AwsMode.LocalStack });

        Assert.All(
            [connection.KinesisServiceUrl, connection.DynamoDbServiceUrl, connection.S3ServiceUrl],
            url => Assert.Equal(AwsConnectionResolver.DefaultLocalStackUrl, url));
    }

    [Fact]
    public void Aws_mode_overrides_no_endpoint_and_uses_the_named_profile()
    {
        var folder = Directory.CreateTempSubdirectory("aws-config-");
        var credentialsFile = Path.Combine(folder.FullName, "credentials");
        File.WriteAllText(credentialsFile, "[pipeline-test]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n");
        try
        {
            var connection = AwsConnectionResolver.Resolve(new AwsOptions
            {
                Mode = AwsMode.Aws,
                Region = "eu-west-1",
                Profile = "pipeline-test",
                ProfilesLocation = credentialsFile,
            });

            Assert.Null(connection.KinesisServiceUrl);
            Assert.Null(connection.DynamoDbServiceUrl);
            Assert.Null(connection.S3ServiceUrl);
            Assert.Equal("AKIAPROFILE", connection.Credentials.GetCredentials().AccessKey);
            Assert.Equal(new Uri("https://kinesis.eu-west-1.amazonaws.com"), AwsClientFactory.KinesisEndpoint("eu-west-1"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Aws_mode_with_an_unknown_profile_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AwsConnectionResolver.Resolve(new AwsOptions { Mode = AwsMode.Aws, Profile = "no-such-profile-" + Guid.NewGuid() }));

        Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_keys_override_the_local_defaults()
    {
        var connection = AwsConnectionResolver.Resolve(new AwsOptions { Mode = AwsMode.LocalStack, AccessKeyId = "mine", SecretAccessKey = "secret" });

        ImmutableCredentials keys = connection.Credentials.GetCredentials();
        Assert.Equal("mine", keys.AccessKey);
    }
}
