using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Processor.Model;
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
            .Select(g => g.Last())
            .Select(r => EventItems.Write(r.Event!, r.ShardId, r.SequenceNumber, processedAt))
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
}
