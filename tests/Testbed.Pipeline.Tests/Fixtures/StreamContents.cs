using System.Text.Json;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Records.Events;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>Reads everything on a stream, as a test's independent view of what ingestion wrote.</summary>
public static class StreamContents
{
    /// <summary>Every record on the stream, as events.</summary>
    public static async Task<List<EventRecord>> ReadAllAsync(IKinesisClient kinesis, string stream) =>
        [.. (await ReadAllDataAsync(kinesis, stream)).Select(data => JsonSerializer.Deserialize(data, EventJsonContext.Default.EventRecord)!)];

    /// <summary>Every record's data on the stream, byte for byte, shard after shard.</summary>
    public static async Task<List<byte[]>> ReadAllDataAsync(IKinesisClient kinesis, string stream)
    {
        var records = new List<byte[]>();
        foreach (var shard in await kinesis.ListAllShardsAsync(stream))
        {
            var iterator = (await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TrimHorizon })).ShardIterator;
            while (iterator is not null)
            {
                var page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 10000 });
                records.AddRange(page.Records.Select(r => r.Data));
                if (page.Records.Count == 0)
                {
                    break;
                }

                iterator = page.NextShardIterator;
            }
        }

        return records;
    }
}
