using System.Diagnostics;
using Testbed.Aws.Kinesis.Model;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>A shard that receives a few records at a time, read the way the processors read it on AWS: never more than 5 times a second, and nothing left behind.</summary>
public sealed class ReadPacingTests(AwsEnvironmentFixture emulators)
{
    private const int RecordCount = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trickling_shard_is_read_at_most_every_min_read_interval_and_every_record_is_stored()
    {
        var resources = await emulators.ProvisionAsync("pacing", shards: 1);
        var kinesis = new CountingKinesis(emulators.Kinesis);
        var options = new ProcessorOptions { PollInterval = TimeSpan.FromMilliseconds(20), MinReadInterval = TimeSpan.FromMilliseconds(200) };
        using var shard = await OneShardConsumer.CreateAsync(emulators, resources, kinesis, options, Ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var consuming = shard.Consumer.RunAsync(shard.Lease, stop.Token);
        try
        {
            // One record every 25 ms: each read finds a few, the shard is caught up after every batch.
            for (var i = 0; i < RecordCount; i++)
            {
                await emulators.Kinesis.PutRecordAsync(new PutRecordRequest { StreamName = resources.Stream.Name, PartitionKey = $"p{i}", Data = Records.EventBytes($"pacing-{i}", "pacing", $$"""{"n":{{i}}}""") }, Ct);
                await Task.Delay(25, Ct);
            }

            await Eventually.HoldsAsync(async () => await shard.ItemCountAsync(Ct) == RecordCount, TimeSpan.FromSeconds(30), "every trickled record stored as an item");
        }
        finally
        {
            await stop.CancelAsync();
            await consuming;
        }

        var starts = kinesis.ReadStarts.Order().ToList();
        Assert.True(starts.Count >= 3, $"the shard was read {starts.Count} times");
        var closest = starts.Zip(starts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).Min();
        // A few milliseconds of slack for the timer; without pacing, reads came after every batch, tens of milliseconds apart.
        Assert.True(closest >= TimeSpan.FromMilliseconds(190), $"two reads began {closest.TotalMilliseconds:0} ms apart");
    }
}
