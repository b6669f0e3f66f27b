using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Processor.Model;
using Testbed.Infra.Definition;
using Testbed.Records.Aggregates;

namespace Testbed.Processor.Aggregates;

/// <summary>Gold: per-type, per-minute aggregates in DynamoDB, updated read-modify-write under a version condition so they stay exact under redelivery and concurrency.</summary>
public sealed class AggregateStore(IAmazonDynamoDB dynamo, PipelineResources resources)
{
    private const int MaxAttempts = 50;

    /// <summary>Counts the batch's events into their windows.</summary>
    public async Task ApplyAsync(string shardId, IReadOnlyList<ReceivedRecord> batch, CancellationToken cancellationToken)
    {
        var groups = batch
            .Where(r => r.Event is not null)
            .GroupBy(r => (r.Event!.Type, Window: AggregateAttributes.WindowOf(r.Event.Timestamp)));
        foreach (var group in groups)
        {
            await ApplyAsync(group.Key.Type, group.Key.Window, shardId, [.. group], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one window's aggregate.</summary>
    public async Task<WindowAggregate?> ReadAsync(string type, string window, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = resources.Aggregates.Name,
            Key = Key(type, window),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.IsItemSet ? AggregateItem.Read(response.Item) : null;
    }

    private async Task ApplyAsync(string type, string window, string shardId, List<ReceivedRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(type, window, cancellationToken).ConfigureAwait(false) ?? WindowAggregate.Empty;
            var next = current.With(shardId, records);
            if (next is null)
            {
                return;
            }

            try
            {
                await dynamo.PutItemAsync(new PutItemRequest
                {
                    TableName = resources.Aggregates.Name,
                    Item = AggregateItem.Write(type, window, next),
                    ConditionExpression = current.Version == 0 ? "attribute_not_exists(#version)" : "#version = :version",
                    ExpressionAttributeNames = new() { ["#version"] = AggregateAttributes.Version },
                    ExpressionAttributeValues = current.Version == 0 ? null : new() { [":version"] = new() { N = current.Version.ToString(CultureInfo.InvariantCulture) } },
                }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConditionalCheckFailedException) when (attempt < MaxAttempts)
            {
                // Another shard's worker updated the window in between: read again.
            }
        }
    }

    private static Dictionary<string, AttributeValue> Key(string type, string window) => new()
    {
        [AggregateAttributes.Type] = new() { S = type },
        [AggregateAttributes.Window] = new() { S = window },
    };
}
