using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;

namespace Testbed.Pipeline.Tests.Ingestion;

/// <summary>Each bad request gets its own status and problem details naming the field, and nothing reaches the stream.</summary>
public sealed class BadInputTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private const string Json = "application/json";
    private static readonly string LongType = new('t', 129);
    // 180,000 control characters: 180 KB in DynamoDB, but each is 6 bytes escaped on the stream (over Kinesis's 1 MiB record).
    private static readonly string HugeRecord = "{\"type\":\"big\",\"data\":{\"blob\":\"" + string.Concat(Enumerable.Repeat("\\u0001", 180_000)) + "\"}}";
    private static readonly string HugeItem = "{\"type\":\"big\",\"data\":{\"blob\":\"" + new string('x', 500_000) + "\"}}";
    // Over the 1 MiB + 64 KB an event's body may have: refused while it is read, before it is parsed.
    private static readonly string HugeBody = "{\"type\":\"big\",\"data\":{\"blob\":\"" + new string('x', 1_200_000) + "\"}}";

    private static readonly BadInput[] All =
    [
        new("malformed JSON", "events", Json, """{"type":"t","data":{""", 400, "body", "line 1"),
        new("missing type", "events", Json, """{"data":{}}""", 400, "type", "required"),
        new("type not a string", "events", Json, """{"type":5,"data":{}}""", 400, "type", "must be a string"),
        new("type with a space", "events", Json, """{"type":"a b","data":{}}""", 400, "type", "letters, digits"),
        new("type too long", "events", Json, "{\"type\":\"" + LongType + "\",\"data\":{}}", 400, "type", "1-128"),
        new("id with a slash", "events", Json, """{"type":"t","id":"a/b","data":{}}""", 400, "id", "letters, digits"),
        new("id not a string", "events", Json, """{"type":"t","id":7,"data":{}}""", 400, "id", "must be a string"),
        new("timestamp not a date", "events", Json, """{"type":"t","timestamp":"yesterday","data":{}}""", 400, "timestamp", "ISO 8601"),
        new("timestamp without offset", "events", Json, """{"type":"t","timestamp":"2026-11-22T10:00:00","data":{}}""", 400, "timestamp", "UTC offset"),
        new("data an array", "events", Json, """{"type":"t","data":[1,2]}""", 400, "data", "an array"),
        new("data a string", "events", Json, """{"type":"t","data":"x"}""", 400, "data", "a string"),
        new("data missing", "events", Json, """{"type":"t"}""", 400, "data", "required"),
        new("unknown field", "events", Json, """{"type":"t","data":{},"colour":"red"}""", 400, "colour", "Unknown field"),
        new("event is an array", "events", Json, """[{"type":"t","data":{}}]""", 400, "$", "JSON object"),
        new("wrong content type", "events", "text/plain", """{"type":"t","data":{}}""", 415, "Content-Type", "text/plain"),
        new("no content type", "events", null, """{"type":"t","data":{}}""", 415, "Content-Type", "(none)"),
        new("event over 1 MiB", "events", Json, HugeRecord, 413, "data", "1,048,576"),
        new("data over DynamoDB's 400 KB item", "events", Json, HugeItem, 400, "data", "400 KB item limit"),
        new("data nested over 32 levels", "events", Json, "{\"type\":\"t\",\"data\":" + string.Concat(Enumerable.Repeat("{\"a\":", 33)) + "1" + new string('}', 33) + "}", 400, "data", "32 levels"),
        new("number beyond DynamoDB", "events", Json, """{"type":"t","data":{"n":1e400}}""", 400, "data", "outside DynamoDB's range"),
        new("batch not an array", "events/batch", Json, """{"type":"t","data":{}}""", 400, "body", "JSON array"),
        new("empty batch", "events/batch", Json, "[]", 400, "body", "no events"),
        new("batch with one bad event", "events/batch", Json, """[{"type":"t","data":{}},{"type":"","data":{}}]""", 400, "[1].type", "letters, digits"),
        new("batch over 500 events", "events/batch", Json, "[" + string.Join(',', Enumerable.Repeat("""{"type":"t","data":{}}""", 501)) + "]", 413, "body", "at most 500"),
        new("NDJSON with a malformed line", "events/batch", "application/x-ndjson", "{\"type\":\"t\",\"data\":{}}\n{\"type\":", 400, "body", "line 2"),
        new("lone surrogate in a key", "events", Json, """{"type":"t","data":{"\ud800":1}}""", 400, "body", "lone surrogate"),
        new("lone surrogate in the type", "events", Json, """{"type":"a\udfff","data":{}}""", 400, "body", "$.type"),
        new("duplicate key in data", "events", Json, """{"type":"t","data":{"a":1,"a":2}}""", 400, "body", "line 1"),
        new("dataset name ending in a newline", "datasets/sales%0A", "text/csv", "a\n1\n", 400, "name", "dataset name"),
        new("batch as XML", "events/batch", "application/xml", "<events/>", 415, "Content-Type", "application/xml"),
        new("body over the limit, with a length", "events", Json, HugeBody, 413, "body", "1,048,576"),
        new("body over the limit, chunked without a length", "events", Json, HugeBody, 413, "body", "1,048,576", Chunked: true),
    ];

    public static TheoryData<string> Cases() => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_answered_with_its_status_and_the_field_at_fault(string name)
    {
        var (_, path, contentType, body, status, field, message, chunked) = All.Single(c => c.Name == name);
        using var http = fixture.Stack.Ingestion();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var text = status == 400
            ? string.Join(' ', problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()))
            : $"{problem.GetProperty("field").GetString()}: {problem.GetProperty("detail").GetString()}";
        if (status != 400)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_of_any_rejected_request_reaches_the_stream()
    {
        foreach (var bad in All)
        {
            await Is_answered_with_its_status_and_the_field_at_fault(bad.Name);
        }

        // A marker event sent last: once it is stored, anything sent before it would be stored too.
        using var http = fixture.Stack.Ingestion();
        using var marker = await http.PostAsync("events", new StringContent("""{"type":"marker","id":"marker","data":{}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, marker.StatusCode);
        var emulators = fixture.Stack;
        var resources = fixture.Stack.Resources;
        // The item, the aggregate and the raw object are written side by side: wait for all three before comparing.
        await Testbed.Testing.Eventually.HoldsAsync(
            async () => (await emulators.DynamoDb.GetItemAsync(resources.Items.Name, new() { ["id"] = new() { S = "marker" } }, TestContext.Current.CancellationToken)).IsItemSet
                && (await emulators.DynamoDb.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = resources.Aggregates.Name, ConsistentRead = true }, TestContext.Current.CancellationToken)).Count > 0
                && (await emulators.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = resources.Bucket.Name, Prefix = "raw/" }, TestContext.Current.CancellationToken)).KeyCount > 0,
            TimeSpan.FromSeconds(60),
            "the marker event is stored: item, aggregate and raw object");

        Assert.Equal(["marker"], (await StreamContents.ReadAllAsync(emulators.Kinesis, resources.Stream.Name)).Select(e => e.Id));
        var items = await emulators.DynamoDb.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = resources.Items.Name, ConsistentRead = true }, TestContext.Current.CancellationToken);
        Assert.Equal(["marker"], items.Items.Select(i => i["id"].S));
        var aggregates = await emulators.DynamoDb.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = resources.Aggregates.Name, ConsistentRead = true }, TestContext.Current.CancellationToken);
        Assert.Equal(["marker"], aggregates.Items.Select(i => i["type"].S));
        var lake = await emulators.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = resources.Bucket.Name }, TestContext.Current.CancellationToken);
        var raw = Assert.Single(lake.S3Objects);
        Assert.StartsWith("raw/", raw.Key, StringComparison.Ordinal);
    }

    /// <summary>One bad request: where it goes, what it sends (chunked: without a Content-Length), and the status, field and message text it must get.</summary>
    private sealed record BadInput(string Name, string Path, string? ContentType, string Body, int Status, string Field, string Message, bool Chunked = false);
}
