using System.Text;
using Testbed.Processor.Model;

namespace Testbed.Processor.Tests;

public sealed class RecordReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static ReceivedRecord Read(string data) =>
        RecordReader.Read("shardId-000000000000", new Testbed.Aws.Kinesis.Model.Record { SequenceNumber = "1", Data = Encoding.UTF8.GetBytes(data), PartitionKey = "p" }, Now);

    [Fact]
    public void An_event_is_read_with_no_rejection()
    {
        var record = Read("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{"x":1}}""");

        Assert.Equal("a", record.Event!.Id);
        Assert.Null(record.Rejection);
    }

    [Theory]
    [InlineData("not json at all", "not a JSON event")]
    [InlineData("""{"id":"a"}""", "not a JSON event")]
    [InlineData("""{"id":"","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{}}""", "empty id")]
    [InlineData("""{"id":"a","type":"","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":{}}""", "empty type")]
    [InlineData("""{"id":"a","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":[1]}""", "not an object")]
    public void A_record_that_is_not_an_event_says_why(string data, string reason)
    {
        var record = Read(data);

        Assert.Null(record.Event);
        Assert.Contains(reason, record.Rejection, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(data), record.Data);
    }
}
