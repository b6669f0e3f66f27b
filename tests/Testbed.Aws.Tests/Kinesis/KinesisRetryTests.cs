using System.Net;
using System.Text;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Errors;
using Testbed.Aws.Kinesis.Model;
using Testbed.Aws.Retries;
using Testbed.Aws.Tests.Fixtures;
using Testbed.Emulators;
using Testbed.Testing;

namespace Testbed.Aws.Tests.Kinesis;

/// <summary>Retries, provoked by a fault-injecting proxy in front of kinesalite (the emulator itself never throttles).</summary>
public sealed class KinesisRetryTests(AwsEnvironmentFixture emulators) : IAsyncLifetime
{
    private static readonly FaultProxy.Fault Throttled = new(400, "ProvisionedThroughputExceededException", "Rate exceeded for shard");
    private readonly HttpClient _http = new();
    private FaultProxy _proxy = null!;
    private KinesisClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _proxy = await FaultProxy.StartAsync(emulators.Endpoints.Kinesis);
        _client = new KinesisClient(_http, new KinesisClientOptions
        {
            ServiceUrl = _proxy.Url,
            Region = emulators.Clients.Connection.Region,
            Credentials = emulators.Clients.Connection.Credentials,
            Retry = new BackoffPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Throttled_calls_are_retried_until_Kinesis_takes_them()
    {
        var stream = await TestStreams.CreateActiveAsync(emulators.Kinesis, shards: 1);
        _proxy.Plan = n => n <= 2 ? Throttled : null;

        var put = await _client.PutRecordAsync(new PutRecordRequest { StreamName = stream, PartitionKey = "k", Data = "retried"u8.ToArray() }, Ct);

        Assert.Equal(3, _proxy.RequestCount);
        var read = await TestStreams.ReadAllAsync(emulators.Kinesis, stream, put.ShardId, ShardIteratorType.TrimHorizon);
        Assert.Equal("retried", Encoding.UTF8.GetString(Assert.Single(read).Data));
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        var stream = await TestStreams.CreateActiveAsync(emulators.Kinesis, shards: 1);
        _proxy.Plan = n => n == 1 ? new FaultProxy.Fault(500, "InternalFailure") : n == 2 ? new FaultProxy.Fault(503, "ServiceUnavailable") : null;

        var summary = await _client.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = stream }, Ct);

        Assert.Equal(stream, summary.StreamDescriptionSummary.StreamName);
        Assert.Equal(3, _proxy.RequestCount);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        _proxy.Plan = _ => new FaultProxy.Fault(400, "InvalidArgumentException", "bad iterator");

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            _client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = "nope" }, Ct));

        Assert.Equal(1, _proxy.RequestCount);
        Assert.Contains("bad iterator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt_with_the_last_error()
    {
        _proxy.Plan = _ => Throttled;

        var error = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() =>
            _client.ListStreamsAsync(new ListStreamsRequest(), Ct));

        Assert.Equal(4, _proxy.RequestCount);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_with_the_transport_error_after_the_retries()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var client = new KinesisClient(_http, new KinesisClientOptions
        {
            ServiceUrl = closed,
            Region = "us-east-1",
            Credentials = emulators.Clients.Connection.Credentials,
            Retry = new BackoffPolicy { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1) },
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.ListStreamsAsync(new ListStreamsRequest(), Ct));
    }
}
