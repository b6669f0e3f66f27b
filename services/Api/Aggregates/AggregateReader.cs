using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Api.Model;
using Testbed.Infra.Definition;
using Testbed.Records.Aggregates;

namespace Testbed.Api.Aggregates;

/// <summary>Reads a type's per-minute windows from the aggregates table.</summary>
public sealed class AggregateReader(IAmazonDynamoDB dynamo, PipelineResources resources)
{
    /// <summary>The windows of a type whose start lies between the two times, oldest first, each summed over the shards that counted in it.</summary>
    public async Task<IReadOnlyList<AggregateWindow>> ReadAsync(string type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var shares = new List<((string Type, string Window) Key, WindowAggregate Aggregate)>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = resources.Aggregates.Name,
                KeyConditionExpression = "#type = :type AND #window BETWEEN :from AND :to",
                ExpressionAttributeNames = new() { ["#type"] = AggregateAttributes.Type, ["#window"] = AggregateAttributes.Window },
                ExpressionAttributeValues = new()
                {
                    [":type"] = new() { S = type },
                    [":from"] = new() { S = AggregateAttributes.WindowOf(from) },
                    [":to"] = new() { S = AggregateAttributes.AfterWindow(AggregateAttributes.WindowOf(to)) },
                },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            shares.AddRange((page.Items ?? []).Select(item => (Key: AggregateItem.KeyOf(item), Aggregate: AggregateItem.Read(item))));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        // Each shard counts its events of a window in an item of its own: the window is their sum. Items come in key order, so windows stay in time order.
        return [.. shares.GroupBy(s => s.Key).Select(w => ToWindow(w.Key.Type, w.Key.Window, w.Select(s => s.Aggregate).Aggregate((a, b) => a.Plus(b))))];
    }

    private static AggregateWindow ToWindow(string type, string window, WindowAggregate aggregate)
    {
        return new AggregateWindow(
            type,
            window,
            aggregate.Count,
            aggregate.Fields.ToDictionary(
                f => f.Key,
                f => new FieldSummary(f.Value.Count, f.Value.Sum, f.Value.Min, f.Value.Max, f.Value.Count == 0 ? 0 : f.Value.Sum / f.Value.Count)));
    }
}
