using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Processor.Model;
using Testbed.Aws.DynamoDb;
using Testbed.Infra.Definition;
using Testbed.Records.Items;

namespace Testbed.Processor.Silver;

/// <summary>Silver: upserts each event as an item keyed by id; writing the same batch again leaves the same items.</summary>
public sealed class ItemWriter(IAmazonDynamoDB dynamo, PipelineResources resources, TimeProvider time)
{
    private const int ItemsPerCall = 25;

    // DynamoDB takes 25 items per call; a few calls side by side keep the service (or the emulator) busy while each answer travels back.
    private const int CallsInFlight = 8;

    /// <summary>Writes the batch's events (the last of several with one id wins) and returns when DynamoDB has all of them.</summary>
    public async Task WriteAsync(IReadOnlyList<ReceivedRecord> batch, CancellationToken cancellationToken)
    {
        var processedAt = ItemAttributes.Time(time.GetUtcNow());
        var items = batch
            .Where(r => r.Event is not null)
            .GroupBy(r => r.Event!.Id)
            .Select(g => ToItem(g.Last(), processedAt))
            .ToList();
        await Parallel.ForEachAsync(
            items.Chunk(ItemsPerCall),
            new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight, CancellationToken = cancellationToken },
            async (chunk, token) => await WriteChunkAsync(chunk, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task WriteChunkAsync(Dictionary<string, AttributeValue>[] chunk, CancellationToken cancellationToken)
    {
        var writes = new Dictionary<string, List<WriteRequest>>
        {
            [resources.Items.Name] = [.. chunk.Select(item => new WriteRequest(new PutRequest(item)))],
        };
        for (var attempt = 1; writes.Count > 0; attempt++)
        {
            var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = writes }, cancellationToken).ConfigureAwait(false);
            writes = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            if (writes.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 20 * attempt)), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, AttributeValue> ToItem(ReceivedRecord record, string processedAt)
    {
        var e = record.Event!;
        var item = new Dictionary<string, AttributeValue>
        {
            [ItemAttributes.Id] = new() { S = e.Id },
            [ItemAttributes.Type] = new() { S = e.Type },
            [ItemAttributes.EventTime] = new() { S = ItemAttributes.SortKey(e.Timestamp, e.Id) },
            [ItemAttributes.AcceptedAt] = new() { S = ItemAttributes.Time(e.AcceptedAt) },
            [ItemAttributes.ProcessedAt] = new() { S = processedAt },
            [ItemAttributes.Data] = JsonAttributes.ToAttribute(e.Data),
            [ItemAttributes.ShardId] = new() { S = record.ShardId },
            [ItemAttributes.SequenceNumber] = new() { S = record.SequenceNumber },
            [ItemAttributes.Version] = new() { N = "1" },
        };
        if (e.TraceParent is not null)
        {
            item[ItemAttributes.TraceParent] = new() { S = e.TraceParent };
        }

        if (e.Dataset is not null)
        {
            item[ItemAttributes.Dataset] = new() { S = e.Dataset };
            item[ItemAttributes.Row] = new() { N = (e.Row ?? 0).ToString(CultureInfo.InvariantCulture) };
        }

        return item;
    }
}
