using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Api.Model;
using Testbed.Infra.Definition;
using Testbed.Records.Events;
using Testbed.Records.Items;

namespace Testbed.Api.Items;

/// <summary>Reads events from the items table: by id, and by type and time through the index. An id ingestion never accepts has no item (and may be longer than DynamoDB takes as a key).</summary>
public sealed class ItemStore(IAmazonDynamoDB dynamo, PipelineResources resources)
{
    /// <summary>The event, or null.</summary>
    public async Task<EventItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!EventRules.IsValidId(id))
        {
            return null;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = resources.Items.Name,
            Key = new() { [ItemAttributes.Id] = new() { S = id } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.IsItemSet ? ToEvent(response.Item) : null;
    }

    /// <summary>Events of a type between two times (inclusive), oldest first, a page at a time.</summary>
    public async Task<EventPage> QueryAsync(string type, DateTimeOffset from, DateTimeOffset to, int limit, string? next, CancellationToken cancellationToken)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = resources.Items.Name,
            IndexName = PipelineResources.ItemsByTypeIndex,
            KeyConditionExpression = "#type = :type AND #time BETWEEN :from AND :to",
            ExpressionAttributeNames = new() { ["#type"] = ItemAttributes.Type, ["#time"] = ItemAttributes.EventTime },
            ExpressionAttributeValues = new()
            {
                [":type"] = new() { S = type },
                [":from"] = new() { S = ItemAttributes.Time(from) },
                [":to"] = new() { S = ItemAttributes.UpperBound(to) },
            },
            Limit = limit,
            ExclusiveStartKey = next is null ? null : DecodeToken(next),
        }, cancellationToken).ConfigureAwait(false);
        var items = (response.Items ?? []).Select(ToEvent).ToList();
        var token = response.LastEvaluatedKey is { Count: > 0 } last ? EncodeToken(last) : null;
        return new EventPage(items, token);
    }

    /// <summary>Replaces an event's data (and type), bumping its version; conditional on the version when one is given.</summary>
    public async Task<(ItemWriteOutcome Outcome, EventItem? Item)> UpdateAsync(string id, JsonElement data, string? type, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (!EventRules.IsValidId(id))
        {
            return (ItemWriteOutcome.NotFound, null);
        }

        var values = new Dictionary<string, AttributeValue>
        {
            [":data"] = JsonAttributes.ToAttribute(data),
            [":one"] = new() { N = "1" },
        };
        var set = "#data = :data, #version = #version + :one";
        var names = new Dictionary<string, string> { ["#id"] = ItemAttributes.Id, ["#data"] = ItemAttributes.Data, ["#version"] = ItemAttributes.Version };
        if (type is not null)
        {
            set += ", #type = :type";
            names["#type"] = ItemAttributes.Type;
            values[":type"] = new() { S = type };
        }

        var condition = "attribute_exists(#id)";
        if (expectedVersion is { } version)
        {
            condition += " AND #version = :expected";
            values[":expected"] = new() { N = version.ToString(CultureInfo.InvariantCulture) };
        }

        try
        {
            var response = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = resources.Items.Name,
                Key = new() { [ItemAttributes.Id] = new() { S = id } },
                UpdateExpression = "SET " + set,
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken).ConfigureAwait(false);
            return (ItemWriteOutcome.Done, ToEvent(response.Attributes));
        }
        catch (ConditionalCheckFailedException)
        {
            return (await GetAsync(id, cancellationToken).ConfigureAwait(false) is null ? ItemWriteOutcome.NotFound : ItemWriteOutcome.VersionMismatch, null);
        }
    }

    /// <summary>Deletes an event; conditional on the version when one is given.</summary>
    public async Task<ItemWriteOutcome> DeleteAsync(string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (!EventRules.IsValidId(id))
        {
            return ItemWriteOutcome.NotFound;
        }

        var names = new Dictionary<string, string> { ["#id"] = ItemAttributes.Id };
        Dictionary<string, AttributeValue>? values = null;
        var condition = "attribute_exists(#id)";
        if (expectedVersion is { } version)
        {
            condition += " AND #version = :expected";
            names["#version"] = ItemAttributes.Version;
            values = new() { [":expected"] = new() { N = version.ToString(CultureInfo.InvariantCulture) } };
        }

        try
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = resources.Items.Name,
                Key = new() { [ItemAttributes.Id] = new() { S = id } },
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            }, cancellationToken).ConfigureAwait(false);
            return ItemWriteOutcome.Done;
        }
        catch (ConditionalCheckFailedException)
        {
            return await GetAsync(id, cancellationToken).ConfigureAwait(false) is null ? ItemWriteOutcome.NotFound : ItemWriteOutcome.VersionMismatch;
        }
    }

    /// <summary>Whether a paging token resumes this query: the index key of an item of the type within the time range, as this Api hands out.</summary>
    public static bool IsValidToken(string token, string type, DateTimeOffset from, DateTimeOffset to)
    {
        Dictionary<string, AttributeValue> key;
        try
        {
            key = DecodeToken(token);
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return false;
        }

        // DynamoDB refuses (with a 400 the Api would pass on as a 500) a start key that is not exactly the index key
        // or lies outside the query: only a key of this type and time range resumes it.
        return key.Count == 3
            && key.TryGetValue(ItemAttributes.Id, out var id) && EventRules.IsValidId(id.S ?? string.Empty)
            && key.TryGetValue(ItemAttributes.Type, out var keyType) && keyType.S == type
            && key.TryGetValue(ItemAttributes.EventTime, out var time) && time.S is { } at
            && string.CompareOrdinal(at, ItemAttributes.Time(from)) >= 0 && string.CompareOrdinal(at, ItemAttributes.UpperBound(to)) <= 0;
    }

    private static EventItem ToEvent(Dictionary<string, AttributeValue> item) => new(
        item[ItemAttributes.Id].S,
        item[ItemAttributes.Type].S,
        ItemAttributes.TimeOf(item[ItemAttributes.EventTime].S),
        Time(item.GetValueOrDefault(ItemAttributes.AcceptedAt))!.Value,
        Time(item.GetValueOrDefault(ItemAttributes.ProcessedAt)),
        item.TryGetValue(ItemAttributes.Data, out var data) ? JsonAttributes.ToJson(data) : JsonDocument.Parse("{}").RootElement.Clone(),
        item.GetValueOrDefault(ItemAttributes.ShardId)?.S,
        item.GetValueOrDefault(ItemAttributes.SequenceNumber)?.S,
        item.GetValueOrDefault(ItemAttributes.TraceParent)?.S,
        item.GetValueOrDefault(ItemAttributes.Dataset)?.S,
        item.GetValueOrDefault(ItemAttributes.Row)?.N is { } row ? long.Parse(row, CultureInfo.InvariantCulture) : null,
        item.GetValueOrDefault(ItemAttributes.Version)?.N is { } version ? long.Parse(version, CultureInfo.InvariantCulture) : 1);

    private static DateTimeOffset? Time(AttributeValue? value) =>
        value?.S is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    // The index key (id, type, eventTime) as base64url JSON: opaque to clients, enough to resume the query.
    private static string EncodeToken(Dictionary<string, AttributeValue> key) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(key.ToDictionary(k => k.Key, k => k.Value.S))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Dictionary<string, AttributeValue> DecodeToken(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) ?? [];
        return values.ToDictionary(v => v.Key, v => new AttributeValue { S = v.Value });
    }
}
