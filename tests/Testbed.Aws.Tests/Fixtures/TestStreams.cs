using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Record = Testbed.Aws.Kinesis.Model.Record;

namespace Testbed.Aws.Tests.Fixtures;

/// <summary>Creates uniquely named streams for one test, waits until they are active, and reads shards to their end.</summary>
public static class TestStreams
{
    public static async Task<string> CreateActiveAsync(IKinesisClient kinesis, int shards, string purpose = "stream")
    {
        var name = Testing.UniqueName.For(purpose);
        await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards }, TestContext.Current.CancellationToken);
        await Testing.Eventually.HoldsAsync(
            async () => (await kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = name })).StreamDescriptionSummary.StreamStatus == StreamStatus.Active,
            TimeSpan.FromSeconds(10),
            $"stream {name} active");
        return name;
    }

    /// <summary>The shard whose hash key range holds the MD5 of the partition key, as Kinesis routes records.</summary>
    public static string ShardFor(IEnumerable<Shard> shards, string partitionKey)
    {
        var hash = new BigInteger(MD5.HashData(Encoding.UTF8.GetBytes(partitionKey)), isUnsigned: true, isBigEndian: true);
        return shards.Single(s =>
            hash >= BigInteger.Parse(s.HashKeyRange.StartingHashKey, CultureInfo.InvariantCulture) &&
            hash <= BigInteger.Parse(s.HashKeyRange.EndingHashKey, CultureInfo.InvariantCulture)).ShardId;
    }

    /// <summary>Reads a shard from an iterator until a read comes back empty.</summary>
    public static async Task<List<Record>> ReadAllAsync(IKinesisClient kinesis, string iterator)
    {
        var records = new List<Record>();
        for (var reads = 0; reads < 1000 && iterator is not null; reads++)
        {
            var page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 1000 }, TestContext.Current.CancellationToken);
            records.AddRange(page.Records);
            if (page.Records.Count == 0)
            {
                break;
            }

            iterator = page.NextShardIterator!;
        }

        return records;
    }

    public static async Task<List<Record>> ReadAllAsync(IKinesisClient kinesis, string stream, string shardId, string iteratorType, string? sequenceNumber = null, DateTimeOffset? timestamp = null)
    {
        var iterator = await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamName = stream,
            ShardId = shardId,
            ShardIteratorType = iteratorType,
            StartingSequenceNumber = sequenceNumber,
            Timestamp = timestamp,
        }, TestContext.Current.CancellationToken);
        return await ReadAllAsync(kinesis, iterator.ShardIterator);
    }
}
