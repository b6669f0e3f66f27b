using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Testbed.Aws.Kinesis;

namespace Testbed.Aws.Configuration;

/// <summary>Builds the S3, DynamoDB and Kinesis clients from one resolved <see cref="AwsConnection"/>.</summary>
public sealed class AwsClientFactory(AwsConnection connection)
{
    /// <summary>The connection the clients are built from.</summary>
    public AwsConnection Connection { get; } = connection;

    /// <summary>The clients for these settings, resolved as the services resolve theirs (<see cref="AwsConnectionResolver"/>).</summary>
    public static AwsClientFactory For(AwsOptions options) => new(AwsConnectionResolver.Resolve(options));

    /// <summary>An S3 client: path-style against an endpoint override, checksums only where an operation requires them (s3rver rejects trailing checksums).</summary>
    public IAmazonS3 CreateS3()
    {
        var config = new AmazonS3Config
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (Connection.S3ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = Connection.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Connection.Region);
        }

        return new AmazonS3Client(Connection.Credentials, config);
    }

    /// <summary>A DynamoDB client.</summary>
    public IAmazonDynamoDB CreateDynamoDb()
    {
        var config = new AmazonDynamoDBConfig();
        if (Connection.DynamoDbServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = Connection.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Connection.Region);
        }

        return new AmazonDynamoDBClient(Connection.Credentials, config);
    }

    /// <summary>A Kinesis client on the given HttpClient (one long-lived client per process).</summary>
    public IKinesisClient CreateKinesis(HttpClient http) => new KinesisClient(http, new KinesisClientOptions
    {
        ServiceUrl = Connection.KinesisServiceUrl ?? KinesisEndpoint(Connection.Region),
        Region = Connection.Region,
        Credentials = Connection.Credentials,
    });

    /// <summary>The public Kinesis endpoint of a region, with the partition's DNS suffix.</summary>
    public static Uri KinesisEndpoint(string region)
    {
        var endpoint = RegionEndpoint.GetBySystemName(region);
        return new Uri($"https://kinesis.{endpoint.SystemName}.{endpoint.PartitionDnsSuffix}");
    }
}
