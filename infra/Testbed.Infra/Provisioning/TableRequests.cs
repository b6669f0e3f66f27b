using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Infra.Definition;

namespace Testbed.Infra.Provisioning;

/// <summary>Translates a table definition to DynamoDB's CreateTable and compares it with a live table.</summary>
internal static class TableRequests
{
    public static CreateTableRequest Create(TableDefinition table) => new()
    {
        TableName = table.Name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [.. table.KeyAttributes.Select(a => new AttributeDefinition(a.Name, new ScalarAttributeType(a.TypeCode)))],
        KeySchema = KeySchema(table.PartitionKey, table.SortKey),
        GlobalSecondaryIndexes = table.GlobalSecondaryIndexes.Count == 0
            ? null
            : [.. table.GlobalSecondaryIndexes.Select(i => new GlobalSecondaryIndex
            {
                IndexName = i.Name,
                KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            })],
    };

    /// <summary>A description of how the live table's keys or indexes differ from the definition, or null.</summary>
    public static string? Difference(TableDefinition table, TableDescription live)
    {
        var wanted = Describe(table.PartitionKey, table.SortKey);
        var actual = Describe(live.KeySchema);
        if (wanted != actual)
        {
            return $"keys are {actual}, the definition has {wanted}";
        }

        var wantedIndexes = table.GlobalSecondaryIndexes.Select(i => $"{i.Name}({Describe(i.PartitionKey, i.SortKey)})").Order(StringComparer.Ordinal);
        var liveIndexes = (live.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}({Describe(i.KeySchema)})").Order(StringComparer.Ordinal);
        var w = string.Join(", ", wantedIndexes);
        var a = string.Join(", ", liveIndexes);
        return w == a ? null : $"indexes are [{a}], the definition has [{w}]";
    }

    private static List<KeySchemaElement> KeySchema(KeyAttribute partition, KeyAttribute? sort)
    {
        var schema = new List<KeySchemaElement> { new(partition.Name, KeyType.HASH) };
        if (sort is not null)
        {
            schema.Add(new KeySchemaElement(sort.Name, KeyType.RANGE));
        }

        return schema;
    }

    private static string Describe(KeyAttribute partition, KeyAttribute? sort) => sort is null ? partition.Name : $"{partition.Name}+{sort.Name}";

    private static string Describe(List<KeySchemaElement>? schema)
    {
        var elements = schema ?? [];
        var hash = elements.FirstOrDefault(e => e.KeyType == KeyType.HASH)?.AttributeName ?? "?";
        var range = elements.FirstOrDefault(e => e.KeyType == KeyType.RANGE)?.AttributeName;
        return range is null ? hash : $"{hash}+{range}";
    }
}
