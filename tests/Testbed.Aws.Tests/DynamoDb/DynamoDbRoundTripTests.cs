using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Testing;

namespace Testbed.Aws.Tests.DynamoDb;

/// <summary>The configured DynamoDB client against dynalite: items, conditional writes and index queries.</summary>
public sealed class DynamoDbRoundTripTests(AwsEnvironmentFixture emulators)
{
    private readonly IAmazonDynamoDB _dynamo = emulators.DynamoDb;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_item_written_is_read_back_with_every_attribute()
    {
        var table = await CreateTableAsync();
        var item = new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "evt-1" },
            ["type"] = new() { S = "order" },
            ["eventTime"] = new() { S = "2026-11-22T10:00:00.000Z" },
            ["amount"] = new() { N = "12.5" },
            ["tags"] = new() { SS = ["a", "b"] },
        };

        await _dynamo.PutItemAsync(table, item, Ct);
        var read = await _dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["id"] = new() { S = "evt-1" } }, ConsistentRead = true }, Ct);

        Assert.Equal("order", read.Item["type"].S);
        Assert.Equal("12.5", read.Item["amount"].N);
        Assert.Equal(["a", "b"], read.Item["tags"].SS.Order());
    }

    [Fact]
    public async Task A_conditional_write_on_an_existing_id_is_refused()
    {
        var table = await CreateTableAsync();
        var put = new PutItemRequest
        {
            TableName = table,
            Item = new() { ["id"] = new() { S = "once" }, ["type"] = new() { S = "t" }, ["eventTime"] = new() { S = "x" } },
            ConditionExpression = "attribute_not_exists(id)",
        };

        await _dynamo.PutItemAsync(put, Ct);

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _dynamo.PutItemAsync(put, Ct));
    }

    [Fact]
    public async Task The_index_by_type_and_time_returns_a_time_range_in_order()
    {
        var table = await CreateTableAsync();
        for (var minute = 0; minute < 10; minute++)
        {
            await _dynamo.PutItemAsync(table, new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = $"e{minute}" },
                ["type"] = new() { S = minute % 2 == 0 ? "click" : "view" },
                ["eventTime"] = new() { S = $"2026-11-22T10:{minute:00}:00Z" },
            }, Ct);
        }

        var query = await _dynamo.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = "by-type",
            KeyConditionExpression = "#t = :type AND eventTime BETWEEN :from AND :to",
            ExpressionAttributeNames = new() { ["#t"] = "type" },
            ExpressionAttributeValues = new()
            {
                [":type"] = new() { S = "click" },
                [":from"] = new() { S = "2026-11-22T10:02:00Z" },
                [":to"] = new() { S = "2026-11-22T10:06:00Z" },
            },
        }, Ct);

        Assert.Equal(["e2", "e4", "e6"], query.Items.Select(i => i["id"].S));
    }

    private async Task<string> CreateTableAsync()
    {
        var name = UniqueName.For("table");
        await _dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("id", ScalarAttributeType.S), new("type", ScalarAttributeType.S), new("eventTime", ScalarAttributeType.S)],
            KeySchema = [new("id", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-type",
                    KeySchema = [new("type", KeyType.HASH), new("eventTime", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        }, Ct);
        await Eventually.HoldsAsync(
            async () => (await _dynamo.DescribeTableAsync(name, Ct)).Table.TableStatus == TableStatus.ACTIVE,
            TimeSpan.FromSeconds(10),
            $"table {name} active");
        return name;
    }
}
