using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Aws.Configuration;
using Testbed.Testing;

namespace Testbed.Emulators.Tests;

/// <summary>The DynamoDB emulator's item calls share a table's description (emulators/lib/dynamoTables.js) and still see each change of it at once.</summary>
public sealed class DynamoTableCacheTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Item_calls_follow_a_table_deleted_and_created_again_with_another_key_and_an_index()
    {
        await using var host = await EmulatorHost.StartAsync(cancellationToken: Ct).WaitAsync(Bound, Ct);
        using var dynamo = AwsClientFactory.For(host.Endpoints.ToAwsOptions()).CreateDynamoDb();
        var table = UniqueName.For("cached");

        await CreateAsync(dynamo, table, "id", index: false);
        await dynamo.PutItemAsync(table, Item(("id", "first")), Ct);
        Assert.True((await dynamo.GetItemAsync(table, Item(("id", "first")), Ct)).IsItemSet, "the item written before any change is not there");

        await dynamo.DeleteTableAsync(table, Ct);
        await Eventually.HoldsAsync(async () => !(await dynamo.ListTablesAsync(Ct)).TableNames.Contains(table), Settle, "the deleted table is gone");
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => dynamo.PutItemAsync(table, Item(("id", "second")), Ct));

        await CreateAsync(dynamo, table, "key", index: true);
        var refused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => dynamo.PutItemAsync(table, Item(("id", "third")), Ct));
        Assert.Equal("ValidationException", refused.ErrorCode);
        Assert.Contains("Missing the key key", refused.Message, StringComparison.Ordinal);
        await dynamo.PutItemAsync(table, Item(("key", "fourth"), ("kind", "blue")), Ct);

        var byKind = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = "by-kind",
            KeyConditionExpression = "kind = :kind",
            ExpressionAttributeValues = new() { [":kind"] = new() { S = "blue" } },
        }, Ct);
        Assert.Equal(["fourth"], byKind.Items.Select(i => i["key"].S));
    }

    private static Dictionary<string, AttributeValue> Item(params (string Name, string Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => new AttributeValue { S = a.Value });

    private static async Task CreateAsync(IAmazonDynamoDB dynamo, string table, string key, bool index)
    {
        var request = new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new(key, KeyType.HASH)],
            AttributeDefinitions = [new(key, ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };
        if (index)
        {
            request.AttributeDefinitions.Add(new("kind", ScalarAttributeType.S));
            request.GlobalSecondaryIndexes =
            [
                new() { IndexName = "by-kind", KeySchema = [new("kind", KeyType.HASH)], Projection = new() { ProjectionType = ProjectionType.ALL } },
            ];
        }

        await dynamo.CreateTableAsync(request, Ct);
        await Eventually.HoldsAsync(
            async () => (await dynamo.DescribeTableAsync(table, Ct)).Table.TableStatus == TableStatus.ACTIVE,
            Settle,
            $"table {table} is active");
    }
}
