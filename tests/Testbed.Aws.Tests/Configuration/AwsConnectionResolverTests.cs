using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Testbed.Aws.Configuration;

namespace Testbed.Aws.Tests.Configuration;

public sealed class AwsConnectionResolverTests
{
    private static AwsOptions Read(params (string Key, string Value)[] settings) =>
        AwsOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Per_service_endpoints_and_keys_come_from_the_standard_variables()
    {
        var connection = AwsConnectionResolver.Resolve(Read(
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:1001"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1002"),
            ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1003"),
            ("AWS_ACCESS_KEY_ID", AwsOptions.EmbeddedAccessKeyId),
            ("AWS_SECRET_ACCESS_KEY", AwsOptions.EmbeddedSecretAccessKey)));

        Assert.Equal(1001, connection.KinesisServiceUrl!.Port);
        Assert.Equal(1002, connection.DynamoDbServiceUrl!.Port);
        Assert.Equal(1003, connection.S3ServiceUrl!.Port);
        Assert.Equal(AwsOptions.EmbeddedAccessKeyId, connection.Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void One_endpoint_serves_every_service_unless_a_service_has_its_own()
    {
        var connection = AwsConnectionResolver.Resolve(Read(
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ("AWS_ENDPOINT_URL_S3", "http://localhost:9000"),
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test")));

        Assert.Equal(new Uri("http://localhost:4566"), connection.KinesisServiceUrl);
        Assert.Equal(new Uri("http://localhost:4566"), connection.DynamoDbServiceUrl);
        Assert.Equal(new Uri("http://localhost:9000"), connection.S3ServiceUrl);
    }

    [Fact]
    public void A_missing_region_names_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsConnectionResolver.Resolve(Read(("AWS_ENDPOINT_URL", "http://localhost:4566"))));

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_url_names_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("AWS_ENDPOINT_URL_S3", "localhost:4566")));

        Assert.Contains("AWS_ENDPOINT_URL_S3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_endpoints_nothing_is_overridden_and_the_named_profile_signs()
    {
        var folder = Directory.CreateTempSubdirectory("aws-config-");
        var credentialsFile = Path.Combine(folder.FullName, "credentials");
        File.WriteAllText(credentialsFile, "[pipeline-test]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n");
        try
        {
            var connection = AwsConnectionResolver.Resolve(Read(
                ("AWS_REGION", "eu-west-1"),
                ("AWS_PROFILE", "pipeline-test"),
                ("AWS_SHARED_CREDENTIALS_FILE", credentialsFile)));

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
    public void An_unknown_profile_says_how_to_create_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AwsConnectionResolver.Resolve(Read(("AWS_REGION", "eu-west-1"), ("AWS_PROFILE", "no-such-profile-" + Guid.NewGuid()))));

        Assert.Contains("aws configure --profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_without_its_secret_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AwsConnectionResolver.Resolve(Read(("AWS_REGION", "us-east-1"), ("AWS_ACCESS_KEY_ID", "mine"))));

        Assert.Contains("AWS_SECRET_ACCESS_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_round_trip_through_the_environment()
    {
        var options = new AwsOptions { Region = "us-east-1", ServiceUrl = new Uri("http://localhost:4566"), AccessKeyId = "a", SecretAccessKey = "b" };

        var back = AwsConnectionResolver.Resolve(Read([.. options.ToEnvironment().Select(e => (e.Key, e.Value))]));

        Assert.Equal(new Uri("http://localhost:4566"), back.S3ServiceUrl);
        ImmutableCredentials keys = back.Credentials.GetCredentials();
        Assert.Equal("a", keys.AccessKey);
    }
}
