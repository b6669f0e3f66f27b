using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Api.Model;
using Testbed.Records.Events;
using Testbed.Infra.Definition;
using Testbed.Records.Items;

namespace Testbed.Api.Datasets;

/// <summary>Reads a dataset's rows from the items table: one by its index, or all of them through the index by type. A name ingestion never accepts has no rows (and may make a key longer than DynamoDB takes).</summary>
public sealed class DatasetReader(IAmazonDynamoDB dynamo, PipelineResources resources)
{
    /// <summary>The row, or null.</summary>
    public async Task<DatasetRow?> RowAsync(string dataset, long row, CancellationToken cancellationToken)
    {
        if (!DatasetNames.IsValid(dataset))
        {
            return null;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = resources.Items.Name,
            Key = new() { [ItemAttributes.Id] = new() { S = DatasetNames.RowId(dataset, row) } },
        }, cancellationToken).ConfigureAwait(false);
        return response.IsItemSet ? new DatasetRow(dataset, row, Data(response.Item)) : null;
    }

    /// <summary>Every row, by index.</summary>
    public async Task<IReadOnlyList<DatasetRow>> RowsAsync(string dataset, CancellationToken cancellationToken)
    {
        var rows = new List<DatasetRow>();
        if (!DatasetNames.IsValid(dataset))
        {
            return rows;
        }

        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = resources.Items.Name,
                IndexName = PipelineResources.ItemsByTypeIndex,
                KeyConditionExpression = "#type = :type",
                ExpressionAttributeNames = new() { ["#type"] = ItemAttributes.Type },
                ExpressionAttributeValues = new() { [":type"] = new() { S = DatasetNames.TypeOf(dataset) } },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            rows.AddRange((page.Items ?? []).Select(i => new DatasetRow(dataset, long.Parse(i[ItemAttributes.Row].N, CultureInfo.InvariantCulture), Data(i))));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return [.. rows.OrderBy(r => r.Row)];
    }

    /// <summary>A column's non-null values in row order, or null when no row has the column.</summary>
    public static ColumnValues? Column(IReadOnlyList<DatasetRow> rows, string column)
    {
        var present = false;
        var values = new List<(long, JsonElement)>();
        foreach (var row in rows)
        {
            if (row.Data.ValueKind == JsonValueKind.Object && row.Data.TryGetProperty(column, out var value))
            {
                present = true;
                if (value.ValueKind != JsonValueKind.Null)
                {
                    values.Add((row.Row, value));
                }
            }
        }

        return present ? new ColumnValues(column, values) : null;
    }

    private static JsonElement Data(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(ItemAttributes.Data, out var data) ? JsonAttributes.ToJson(data) : JsonDocument.Parse("{}").RootElement.Clone();
}
