using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Api.Model;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Records.Leases;

namespace Testbed.Api.Status;

/// <summary>Builds the pipeline status from the lease table (owners, checkpoints, freshness samples) and the stream (what waits after each checkpoint).</summary>
public sealed class PipelineStatusReader(IKinesisClient kinesis, IAmazonDynamoDB dynamo, PipelineResources resources, TimeProvider time)
{
    private static readonly TimeSpan FreshnessWindow = TimeSpan.FromMinutes(1);

    /// <summary>The status now.</summary>
    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var shards = await kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        var leases = (await dynamo.ScanAsync(new ScanRequest { TableName = resources.Leases.Name, ConsistentRead = true }, cancellationToken).ConfigureAwait(false)).Items ?? [];
        var byShard = leases.ToDictionary(l => l[LeaseAttributes.Key].S);

        var statuses = new List<ShardStatus>();
        var samples = new List<double>();
        foreach (var shard in shards)
        {
            var lease = byShard.GetValueOrDefault(shard.ShardId);
            var checkpoint = lease?.GetValueOrDefault(LeaseAttributes.Checkpoint)?.S ?? LeaseAttributes.TrimHorizon;
            var (behind, oldest) = await WaitingAsync(shard.ShardId, checkpoint, cancellationToken).ConfigureAwait(false);
            statuses.Add(new ShardStatus(
                shard.ShardId,
                lease?.GetValueOrDefault(LeaseAttributes.Owner)?.S,
                checkpoint,
                lease?.GetValueOrDefault(LeaseAttributes.CheckpointedAt)?.S is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null,
                behind,
                oldest is { } arrived ? Math.Max(0, (now - arrived).TotalMilliseconds) : 0,
                lease?.GetValueOrDefault(LeaseAttributes.DeadLetters)?.N is { } dead ? long.Parse(dead, CultureInfo.InvariantCulture) : 0));
            samples.AddRange(RecentSamples(lease, now));
        }

        samples.Sort();
        return new PipelineStatus(resources.Stream.Name, now, statuses, new FreshnessSummary(samples.Count, Percentiles.Of(samples, 50), Percentiles.Of(samples, 99)));
    }

    private async Task<(int Behind, DateTimeOffset? Oldest)> WaitingAsync(string shardId, string checkpoint, CancellationToken cancellationToken)
    {
        var iterator = await kinesis.AfterCheckpointAsync(resources.Stream.Name, shardId, checkpoint, cancellationToken).ConfigureAwait(false);
        var page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = PipelineStatus.MaxCountedRecords }, cancellationToken).ConfigureAwait(false);
        return (page.Records.Count, page.Records.Count > 0 ? page.Records[0].ApproximateArrivalTimestamp : null);
    }

    private static IEnumerable<double> RecentSamples(Dictionary<string, AttributeValue>? lease, DateTimeOffset now)
    {
        foreach (var (storedAtMs, milliseconds) in FreshnessSamples.Read(lease?.GetValueOrDefault(LeaseAttributes.Freshness)?.S))
        {
            if (now - DateTimeOffset.FromUnixTimeMilliseconds(storedAtMs) <= FreshnessWindow)
            {
                yield return milliseconds;
            }
        }
    }
}
