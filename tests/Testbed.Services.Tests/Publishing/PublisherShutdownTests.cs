using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Testbed.Aws.Kinesis.Model;
using Testbed.Ingestion.Publishing;
using Testbed.Testing;

namespace Testbed.Services.Tests.Publishing;

/// <summary>Ingestion's publisher when ingestion stops, against Kinesis (the emulator or its container): every record it took is on the stream and answered; one offered after the stop is refused at once.</summary>
public sealed class PublisherShutdownTests(AwsEnvironmentFixture aws) : IClassFixture<AwsEnvironmentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_taken_before_a_stop_are_published_and_answered_and_a_later_one_is_refused()
    {
        var resources = await aws.ProvisionAsync("shutdown", shards: 1);
        // A batch window far longer than the test: the stop, not the window, ends the batch being gathered.
        using var publisher = new KinesisPublisher(
            aws.Kinesis,
            resources,
            Options.Create(new PublisherOptions { MaxBatchWait = TimeSpan.FromMinutes(5) }),
            NullLogger<KinesisPublisher>.Instance);
        await publisher.StartAsync(Ct);
        var answers = Enumerable.Range(0, 3).Select(i => publisher.PublishAsync(Encoding.UTF8.GetBytes($"record-{i}"), $"key-{i}", CancellationToken.None)).ToList();

        await publisher.StopAsync(Ct);

        await AssertPublishedThenRefusingAsync(publisher, answers, resources.Stream.Name, ["record-0", "record-1", "record-2"]);
    }

    [Fact]
    public async Task Records_taken_by_a_publisher_stopped_before_its_loop_ran_are_published_and_answered()
    {
        // The host runs the publishing loop on the thread pool, and a stop that comes first cancels it before it runs: stopping a publisher that
        // was never started is that case without the race.
        var resources = await aws.ProvisionAsync("unrun", shards: 1);
        using var publisher = new KinesisPublisher(aws.Kinesis, resources, Options.Create(new PublisherOptions()), NullLogger<KinesisPublisher>.Instance);
        var answers = Enumerable.Range(0, 3).Select(i => publisher.PublishAsync(Encoding.UTF8.GetBytes($"unrun-{i}"), $"key-{i}", CancellationToken.None)).ToList();

        await publisher.StopAsync(Ct);

        await AssertPublishedThenRefusingAsync(publisher, answers, resources.Stream.Name, ["unrun-0", "unrun-1", "unrun-2"]);
    }

    // Every record taken before the stop was answered as published and is on the stream's one shard; one offered after it is refused at once.
    private async Task AssertPublishedThenRefusingAsync(KinesisPublisher publisher, List<Task<PublishResult>> answers, string stream, string[] expected)
    {
        var results = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var late = await publisher.PublishAsync(Encoding.UTF8.GetBytes("late"), "key-late", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.All(results, r => Assert.Equal(PublishOutcome.Published, r.Outcome));
        Assert.Equal(PublishOutcome.Unavailable, late.Outcome);
        Assert.Equal("Ingestion is shutting down.", late.Error);
        var shard = Assert.Single(results.Select(r => r.ShardId).Distinct());
        var iterator = await aws.Kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shard!, ShardIteratorType = "TRIM_HORIZON" }, Ct);
        var page = await aws.Kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator.ShardIterator }, Ct);
        Assert.Equal(expected, page.Records.Select(r => Encoding.UTF8.GetString(r.Data)).Order());
    }
}
