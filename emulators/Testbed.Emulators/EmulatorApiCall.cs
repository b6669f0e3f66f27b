using Amazon.DynamoDBv2;
using Amazon.S3;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;

namespace Testbed.Emulators;

/// <summary>One real call of an emulator's own API (ListStreams, ListTables or ListBuckets): it answers, not just listens. The clients are made once.</summary>
public sealed class EmulatorApiCall : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly EmulatorService _service;
    private readonly IKinesisClient? _kinesis;
    private readonly IAmazonDynamoDB? _dynamo;
    private readonly IAmazonS3? _s3;

    /// <summary>Prepares the call for the emulator of <paramref name="service"/> at <paramref name="endpoint"/>, signed with the emulators' keys.</summary>
    public EmulatorApiCall(EmulatorService service, Uri endpoint, string region = "us-east-1")
    {
        _service = service;
        var clients = AwsClientFactory.For(new EmulatorEndpoints(endpoint, endpoint, endpoint).ToAwsOptions(region));
        switch (service)
        {
            case EmulatorService.Kinesis:
                _kinesis = clients.CreateKinesis(Http);
                break;
            case EmulatorService.DynamoDb:
                _dynamo = clients.CreateDynamoDb();
                break;
            default:
                _s3 = clients.CreateS3();
                break;
        }
    }

    /// <summary>Makes the call; throws what the client throws when the emulator does not answer.</summary>
    public Task InvokeAsync(CancellationToken cancellationToken) => _service switch
    {
        EmulatorService.Kinesis => _kinesis!.ListStreamsAsync(new ListStreamsRequest(), cancellationToken),
        EmulatorService.DynamoDb => _dynamo!.ListTablesAsync(cancellationToken),
        _ => _s3!.ListBucketsAsync(cancellationToken),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _dynamo?.Dispose();
        _s3?.Dispose();
    }
}
