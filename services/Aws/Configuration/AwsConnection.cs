using Amazon.Runtime;

namespace Testbed.Aws.Configuration;

/// <summary>What the clients need, resolved from <see cref="AwsOptions"/>: region, per-service endpoints (null: AWS's own) and credentials.</summary>
/// <param name="Region">The signing and connection region.</param>
/// <param name="KinesisServiceUrl">The Kinesis endpoint override.</param>
/// <param name="DynamoDbServiceUrl">The DynamoDB endpoint override.</param>
/// <param name="S3ServiceUrl">The S3 endpoint override.</param>
/// <param name="Credentials">The credentials every client signs with.</param>
public sealed record AwsConnection(
    string Region,
    Uri? KinesisServiceUrl,
    Uri? DynamoDbServiceUrl,
    Uri? S3ServiceUrl,
    AWSCredentials Credentials);
