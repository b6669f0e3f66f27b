using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Api.Model;
using Testbed.Infra.Definition;
using Testbed.Storage;

namespace Testbed.Api.Aggregates;

/// <summary>Reads a type's per-minute windows from the aggregates table.</summary>
public sealed class AggregateReader(IAmazonDynamoDB dynamo, PipelineResources resources)
{
    /// <summary>The windows of a type whose start lies between the two times, oldest first.</summary>
    public async Task<IReadOnlyList<AggregateWindow>> ReadAsync(string type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var windows = new List<AggregateWindow>();
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
                    [":to"] = new() { S = AggregateAttributes.WindowOf(to) },
                },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            windows.AddRange((page.Items ?? []).Select(ToWindow));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return windows;
    }

    private static AggregateWindow ToWindow(Dictionary<string, AttributeValue> item) => new(
        item[AggregateAttributes.Type].S,
        item[AggregateAttributes.Window].S,
        long.Parse(item[AggregateAttributes.Count].N, CultureInfo.InvariantCulture),
        (item.GetValueOrDefault(AggregateAttributes.Fields)?.M ?? []).ToDictionary(
            f => f.Key,
            f =>
            {
                var count = long.Parse(f.Value.M["count"].N, CultureInfo.InvariantCulture);
                var sum = Number(f.Value.M["sum"]);
                return new FieldSummary(count, sum, Number(f.Value.M["min"]), Number(f.Value.M["max"]), count == 0 ? 0 : sum / count);
            }));

    private static decimal Number(AttributeValue value) => decimal.Parse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture);
}
