using System.Text.Json;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Records.Events;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>Reads everything on a stream, as a test's independent view of what ingestion wrote.</summary>
public static class StreamContents
{
    public static async Task<List<EventRecord>> ReadAllAsync(IKinesisClient kinesis, string stream)
    {
        var events = new List<EventRecord>();
        foreach (var shard in await kinesis.ListAllShardsAsync(stream))
        {
            var iterator = (await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TrimHorizon })).ShardIterator;
            while (iterator is not null)
            {
                var page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 10000 });
                events.AddRange(page.Records.Select(r => JsonSerializer.Deserialize(r.Data, EventJsonContext.Default.EventRecord)!));
                if (page.Records.Count == 0)
                {
                    break;
                }

                iterator = page.NextShardIterator;
            }
        }

        return events;
    }
}
