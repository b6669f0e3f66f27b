using System.Text;
using System.Text.Json;
using Json.Schema;
using Testbed.Processor.Model;
using Testbed.Records.Schemas;

namespace Testbed.Processor.Tests;

/// <summary>The processors' reader and the published event-record schema accept the same records.</summary>
public sealed class RecordReaderTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(RecordSchemas.Read(RecordSchemas.EventRecord)!);

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static ReceivedRecord Read(string data) =>
        RecordReader.Read("shardId-000000000000", new Testbed.Aws.Kinesis.Model.Record { SequenceNumber = "1", Data = Encoding.UTF8.GetBytes(data), PartitionKey = "p" }, Now);

    [Fact]
    public void An_event_is_read_with_no_rejection()
    {
        var record = Read("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{"x":1}}""");

        Assert.Equal("a", record.Event!.Id);
        Assert.Null(record.Rejection);
        Assert.True(SchemaAccepts("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{"x":1}}"""));
    }

    [Theory]
    [InlineData("not json at all", "not a JSON event")]
    [InlineData("""{"id":"a"}""", "not a JSON event")]
    [InlineData("""{"id":"","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{}}""", "id is not")]
    [InlineData("""{"id":"a/b","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{}}""", "id is not")]
    [InlineData("""{"id":"a","type":"","data":{},"timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z"}""", "type is not")]
    [InlineData("""{"id":"a","type":"a b","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{}}""", "type is not")]
    [InlineData("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":[1]}""", "not an object")]
    [InlineData("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{},"dataset":"d"}""", "both 'dataset' and 'row'")]
    [InlineData("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{},"row":3}""", "both 'dataset' and 'row'")]
    [InlineData("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{},"dataset":"a/b","row":0}""", "dataset is not")]
    [InlineData("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{},"dataset":"d","row":-1}""", "row is negative")]
    public void A_record_that_is_not_an_event_says_why(string data, string reason)
    {
        var record = Read(data);

        Assert.Null(record.Event);
        Assert.Contains(reason, record.Rejection, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(data), record.Data);
        Assert.False(SchemaAccepts(data), "the schema rejects it too");
    }

    private static bool SchemaAccepts(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return Schema.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [Fact]
    public void An_event_whose_data_DynamoDB_cannot_store_is_refused_with_the_limit()
    {
        var record = Read("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{"n":1e400}}""");

        Assert.Null(record.Event);
        Assert.Contains("cannot be stored in DynamoDB", record.Rejection, StringComparison.Ordinal);
    }
}
