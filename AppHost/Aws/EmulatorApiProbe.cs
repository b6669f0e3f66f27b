using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis.Model;
using Testbed.Emulators;

namespace Testbed.AppHost.Aws;

/// <summary>An emulator's health: a real call of its own API (ListStreams, ListTables, ListBuckets), not just an open port.</summary>
/// <param name="service">The emulated service.</param>
/// <param name="endpoint">Where the emulator listens.</param>
/// <param name="region">The region requests are signed for.</param>
public sealed class EmulatorApiProbe(EmulatorService service, Uri endpoint, string region)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly AwsClientFactory _clients = new(AwsConnectionResolver.Resolve(new EmulatorEndpoints(endpoint, endpoint, endpoint).ToAwsOptions(region)));

    /// <summary>Healthy once the call succeeds; Unhealthy with the error otherwise.</summary>
    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            switch (service)
            {
                case EmulatorService.Kinesis:
                    await _clients.CreateKinesis(Http).ListStreamsAsync(new ListStreamsRequest(), cancellationToken).ConfigureAwait(false);
                    break;
                case EmulatorService.DynamoDb:
                    using (var dynamo = _clients.CreateDynamoDb())
                    {
                        await dynamo.ListTablesAsync(cancellationToken).ConfigureAwait(false);
                    }

                    break;
                default:
                    using (var s3 = _clients.CreateS3())
                    {
                        await s3.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is HttpRequestException or AmazonDynamoDBException or AmazonS3Exception or Testbed.Aws.Kinesis.Errors.KinesisException or TaskCanceledException or Amazon.Runtime.AmazonClientException)
        {
            return HealthCheckResult.Unhealthy($"{endpoint} does not answer its API yet: {error.Message}");
        }
    }
}
