using System.Text;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Telemetry;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>One trace per event, across processes: the POST, the Kinesis put, the processing and its S3 and DynamoDB writes.</summary>
public sealed class TraceTests(EmulatorsFixture emulators)
{
    [Fact]
    public async Task A_posted_event_has_one_trace_from_the_POST_through_Kinesis_to_S3_and_DynamoDB()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var stack = await PipelineStack.CreateAsync(emulators, "trace");
        var ingestion = await stack.StartIngestionAsync(collector.ExporterEnvironment);
        await stack.StartProcessorAsync(extra: collector.ExporterEnvironment);
        var api = await stack.StartApiAsync();
        using var ingest = ingestion.CreateClient();
        using var query = api.CreateClient();

        using var posted = await ingest.PostAsync("events", new StringContent("""{"type":"traced","id":"traced-1","data":{"n":1}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var stored = await ApiQueries.WaitForEventAsync(query, "traced-1", TimeSpan.FromSeconds(60));
        var traceId = stored.GetProperty("traceParent").GetString()!.Split('-')[1];

        IReadOnlyList<ReceivedSpan> trace = [];
        await Eventually.HoldsAsync(
            () => (trace = collector.Store.GetTrace(traceId)).Count(s => s.Service == "processor") >= 4 && trace.Any(s => s.Service == "ingestion" && s.Kind == "server"),
            TimeSpan.FromSeconds(30),
            $"trace {traceId} holds ingestion and processor spans");

        var request = Assert.Single(trace, s => s.Service == "ingestion" && s.Kind == "server");
        var put = Assert.Single(trace, s => s.Service == "ingestion" && s.Kind == "producer");
        var process = Assert.Single(trace, s => s.Service == "processor" && s.Name == "process traced");
        Assert.Null(request.ParentSpanId);
        Assert.Equal(request.SpanId, put.ParentSpanId);
        Assert.Equal(put.SpanId, process.ParentSpanId);
        Assert.Equal("traced-1", put.Attributes["messaging.message.id"]);
        Assert.Equal(stored.GetProperty("sequenceNumber").GetString(), process.Attributes["aws.kinesis.sequence_number"]);
        var steps = trace.Where(s => s.ParentSpanId == process.SpanId).Select(s => s.Name).Order().ToList();
        Assert.Equal(["DynamoDB BatchWriteItem (items)", "DynamoDB UpdateAggregates (windows)", "S3 PutObject (raw batch)"], steps);
        Assert.All(trace, s => Assert.Null(s.Error));
        Assert.True(process.Start >= put.Start, "processing started before the put");
    }
}
