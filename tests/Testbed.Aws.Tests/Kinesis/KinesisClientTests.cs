using System.Globalization;
using System.Numerics;
using System.Text;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Errors;
using Testbed.Aws.Kinesis.Model;
using Record = Testbed.Aws.Kinesis.Model.Record;
using Testbed.Aws.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Aws.Tests.Kinesis;

/// <summary>The Kinesis client against kinesalite, over the real JSON protocol.</summary>
public sealed class KinesisClientTests(AwsEnvironmentFixture emulators)
{
    private readonly IKinesisClient _kinesis = emulators.Kinesis;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_land_on_the_shard_their_partition_key_hashes_to_and_read_back_in_order()
    {
        var stream = await TestStreams.CreateActiveAsync(_kinesis, shards: 2);
        var shards = await _kinesis.ListAllShardsAsync(stream, cancellationToken: Ct);
        Assert.Equal(2, shards.Count);

        var written = new List<(string Key, string Data, PutRecordResponse Result)>();
        for (var i = 0; i < 40; i++)
        {
            var key = $"customer-{i % 13}";
            var data = $"{{\"n\":{i}}}";
            var result = await _kinesis.PutRecordAsync(new PutRecordRequest { StreamName = stream, PartitionKey = key, Data = Encoding.UTF8.GetBytes(data) }, Ct);
            Assert.Equal(TestStreams.ShardFor(shards, key), result.ShardId);
            written.Add((key, data, result));
        }

        Assert.Equal(2, written.Select(w => w.Result.ShardId).Distinct().Count());
        foreach (var shard in shards)
        {
            var read = await TestStreams.ReadAllAsync(_kinesis, stream, shard.ShardId, ShardIteratorType.TrimHorizon);
            var expected = written.Where(w => w.Result.ShardId == shard.ShardId).ToList();
            Assert.Equal(expected.Select(w => w.Data), read.Select(r => Encoding.UTF8.GetString(r.Data)));
            Assert.Equal(expected.Select(w => w.Result.SequenceNumber), read.Select(r => r.SequenceNumber));
            Assert.Equal(expected.Select(w => w.Key), read.Select(r => r.PartitionKey));
        }
    }

    [Fact]
    public async Task Every_iterator_type_starts_where_it_says()
    {
        var stream = await TestStreams.CreateActiveAsync(_kinesis, shards: 1);
        var shardId = (await _kinesis.ListAllShardsAsync(stream, cancellationToken: Ct)).Single().ShardId;
        var first = await PutAsync(stream, "a", "b", "c");

        var trimHorizon = await TestStreams.ReadAllAsync(_kinesis, stream, shardId, ShardIteratorType.TrimHorizon);
        Assert.Equal(["a", "b", "c"], Texts(trimHorizon));

        var atSequence = await TestStreams.ReadAllAsync(_kinesis, stream, shardId, ShardIteratorType.AtSequenceNumber, first[1].SequenceNumber);
        Assert.Equal(["b", "c"], Texts(atSequence));

        var afterSequence = await TestStreams.ReadAllAsync(_kinesis, stream, shardId, ShardIteratorType.AfterSequenceNumber, first[1].SequenceNumber);
        Assert.Equal(["c"], Texts(afterSequence));

        var latest = await _kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shardId, ShardIteratorType = ShardIteratorType.Latest }, Ct);
        var lastArrival = trimHorizon[^1].ApproximateArrivalTimestamp!.Value;
        await Eventually.HoldsAsync(() => DateTimeOffset.UtcNow > lastArrival.AddMilliseconds(5), TimeSpan.FromSeconds(5), "the clock moved past the first records");
        await PutAsync(stream, "d", "e");

        Assert.Equal(["d", "e"], Texts(await TestStreams.ReadAllAsync(_kinesis, latest.ShardIterator)));

        var laterRecords = (await TestStreams.ReadAllAsync(_kinesis, stream, shardId, ShardIteratorType.TrimHorizon))[3..];
        var atTimestamp = await TestStreams.ReadAllAsync(_kinesis, stream, shardId, ShardIteratorType.AtTimestamp, timestamp: laterRecords[0].ApproximateArrivalTimestamp);
        Assert.Equal(["d", "e"], Texts(atTimestamp));
    }

    [Fact]
    public async Task PutRecords_of_500_records_round_trips_every_byte_on_the_shard_its_key_hashes_to()
    {
        var stream = await TestStreams.CreateActiveAsync(_kinesis, shards: 4);
        var shards = await _kinesis.ListAllShardsAsync(stream, cancellationToken: Ct);
        var entries = Enumerable.Range(0, 500)
            .Select(i => new PutRecordsRequestEntry { PartitionKey = $"key-{i}", Data = Encoding.UTF8.GetBytes($"record {i} " + new string('x', i % 200)) })
            .ToList();

        var response = await _kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = stream, Records = entries }, Ct);

        Assert.Equal(0, response.FailedRecordCount);
        Assert.Equal(500, response.Records.Count);
        Assert.All(response.Records, r => Assert.False(r.Failed));
        Assert.All(entries.Zip(response.Records), sent => Assert.Equal(TestStreams.ShardFor(shards, sent.First.PartitionKey), sent.Second.ShardId));

        var read = new List<Record>();
        foreach (var shard in shards)
        {
            var records = await TestStreams.ReadAllAsync(_kinesis, stream, shard.ShardId, ShardIteratorType.TrimHorizon);
            var sequences = records.Select(r => BigInteger.Parse(r.SequenceNumber, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(sequences.Order(), sequences);
            read.AddRange(records);
        }

        Assert.Equal(
            entries.Select(e => (e.PartitionKey, Encoding.UTF8.GetString(e.Data))).Order(),
            read.Select(r => (r.PartitionKey, Encoding.UTF8.GetString(r.Data))).Order());
        Assert.Equal(response.Records.Select(r => r.SequenceNumber).Order(), read.Select(r => r.SequenceNumber).Order());
    }

    [Fact]
    public async Task ListShards_pages_through_every_shard_once_covering_the_whole_hash_space()
    {
        var stream = await TestStreams.CreateActiveAsync(_kinesis, shards: 5);

        var shards = await _kinesis.ListAllShardsAsync(stream, pageSize: 2, Ct);

        Assert.Equal(5, shards.Select(s => s.ShardId).Distinct().Count());
        var ranges = shards
            .Select(s => (Start: BigInteger.Parse(s.HashKeyRange.StartingHashKey, CultureInfo.InvariantCulture), End: BigInteger.Parse(s.HashKeyRange.EndingHashKey, CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Start)
            .ToList();
        Assert.Equal(BigInteger.Zero, ranges[0].Start);
        Assert.Equal(BigInteger.Pow(2, 128) - 1, ranges[^1].End);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i - 1].End + 1, ranges[i].Start);
        }

        var afterSecond = await _kinesis.ListShardsAsync(new ListShardsRequest { StreamName = stream, ExclusiveStartShardId = shards[1].ShardId }, Ct);
        Assert.Equal(shards.Skip(2).Select(s => s.ShardId), afterSecond.Shards.Select(s => s.ShardId));
    }

    [Fact]
    public async Task Errors_arrive_as_typed_exceptions()
    {
        var missing = UniqueName.For("missing");
        var notFound = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            _kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = missing }, Ct));
        Assert.Contains(missing, notFound.Message, StringComparison.Ordinal);

        var stream = await TestStreams.CreateActiveAsync(_kinesis, shards: 1);
        await Assert.ThrowsAsync<ResourceInUseException>(() =>
            _kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = 1 }, Ct));

        await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            _kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = "shardId-000000000000", ShardIteratorType = ShardIteratorType.AtSequenceNumber, StartingSequenceNumber = "123" }, Ct));

        await Assert.ThrowsAsync<LimitExceededException>(() =>
            _kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = UniqueName.For("huge"), ShardCount = 500 }, Ct));
    }

    private async Task<List<PutRecordResponse>> PutAsync(string stream, params string[] texts)
    {
        var results = new List<PutRecordResponse>();
        foreach (var text in texts)
        {
            results.Add(await _kinesis.PutRecordAsync(new PutRecordRequest { StreamName = stream, PartitionKey = "k", Data = Encoding.UTF8.GetBytes(text) }, Ct));
        }

        return results;
    }

    private static List<string> Texts(IEnumerable<Record> records) => [.. records.Select(r => Encoding.UTF8.GetString(r.Data))];
}
