using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;
using Testbed.LoadTests.Scenarios;
using Testbed.Records.Events;
using Testbed.Records.Items;

namespace Testbed.LoadTests.Baseline;

/// <summary>What the emulators accept on their own: Kinesis PutRecords and DynamoDB BatchWriteItem, through Testbed's clients.</summary>
public sealed class EmulatorBaseline(AwsClientFactory clients, TextWriter output)
{
    private const int RecordBytes = 200;
    private const int ItemsPerCall = 25;

    // What a load run's item carries beside its event: a traceparent (ingestion stamps one on every event), its shard and sequence number.
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";
    private const string ShardId = "shardId-000000000000";
    private const string SequenceNumber = "49669023812430964211573618434627862390245186342135463938";

    // A run id as long as a load run's, which its event ids and type carry.
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Provisions a fresh set of resources and measures each write one after the other.</summary>
    public async Task<IReadOnlyList<ThroughputResult>> RunAsync(TimeSpan duration, int workers, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var kinesis = clients.CreateKinesis(http);
        using var dynamo = clients.CreateDynamoDb();
        using var s3 = clients.CreateS3();
        var resources = PipelineResources.Create($"baseline-{Guid.NewGuid():N}"[..17]);
        await new PipelineProvisioner(kinesis, dynamo, s3).ProvisionAsync(resources, cancellationToken).ConfigureAwait(false);

        var payload = new byte[RecordBytes];
        Random.Shared.NextBytes(payload);
        var kinesisResult = await ThroughputMeter.MeasureAsync(
            BaselineMeasure.KinesisRecords,
            $"Kinesis PutRecords (100 x {RecordBytes} B, {workers} workers)",
            workers,
            duration,
            async ct =>
            {
                var records = Enumerable.Range(0, 100).Select(_ => new PutRecordsRequestEntry { Data = payload, PartitionKey = Guid.NewGuid().ToString("N") }).ToList();
                var response = await kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = resources.Stream.Name, Records = records }, ct).ConfigureAwait(false);
                return records.Count - response.FailedRecordCount;
            },
            cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(kinesisResult.ToString()).ConfigureAwait(false);

        var text = new string('x', RecordBytes);
        var small = await MeasureItemsAsync(
            BaselineMeasure.DynamoDbItems,
            $"DynamoDB BatchWriteItem ({ItemsPerCall} items, {workers} workers)",
            _ => new Dictionary<string, AttributeValue>
            {
                [ItemAttributes.Id] = new() { S = Guid.NewGuid().ToString("N") },
                [ItemAttributes.Type] = new() { S = "baseline" },
                [ItemAttributes.EventTime] = new() { S = DateTimeOffset.UtcNow.ToString("O") },
                [ItemAttributes.Data] = new() { S = text },
            }).ConfigureAwait(false);

        var pipelineItems = await MeasureItemsAsync(
            BaselineMeasure.DynamoDbPipelineItems,
            $"DynamoDB BatchWriteItem, the pipeline's items ({ItemsPerCall} items, {workers} workers)",
            PipelineItem).ConfigureAwait(false);

        return [kinesisResult, small, pipelineItems];

        async Task<ThroughputResult> MeasureItemsAsync(BaselineMeasure measure, string name, Func<long, Dictionary<string, AttributeValue>> item)
        {
            long written = 0;
            var result = await ThroughputMeter.MeasureAsync(
                measure,
                name,
                workers,
                duration,
                async ct =>
                {
                    var writes = Enumerable.Range(0, ItemsPerCall).Select(_ => new WriteRequest(new PutRequest(item(Interlocked.Increment(ref written))))).ToList();
                    return writes.Count - await UnprocessedAsync(dynamo, resources.Items.Name, writes, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(result.ToString()).ConfigureAwait(false);
            return result;
        }
    }

    // The item the processors store for the number-th event of an ingest-single run: the same attributes, data and sizes.
    private static Dictionary<string, AttributeValue> PipelineItem(long number)
    {
        var now = DateTimeOffset.UtcNow;
        var e = new EventRecord
        {
            Id = $"{RunId}-{number}",
            Type = $"load.{RunId}",
            Timestamp = now,
            AcceptedAt = now,
            TraceParent = TraceParent,
            Data = JsonSerializer.SerializeToElement(IngestRequests.EventData(number)),
        };
        return EventItems.Write(e, ShardId, SequenceNumber, ItemAttributes.Time(now));
    }

    private static async Task<int> UnprocessedAsync(IAmazonDynamoDB dynamo, string table, List<WriteRequest> writes, CancellationToken cancellationToken)
    {
        var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = writes } }, cancellationToken).ConfigureAwait(false);
        return response.UnprocessedItems is { } left && left.TryGetValue(table, out var rest) ? rest.Count : 0;
    }
}
