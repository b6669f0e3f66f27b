using Amazon.DynamoDBv2.Model;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;

namespace Testbed.LoadTests.Baseline;

/// <summary>What the emulators accept on their own: Kinesis PutRecords and DynamoDB BatchWriteItem, through Testbed's clients.</summary>
public sealed class EmulatorBaseline(AwsClientFactory clients, TextWriter output)
{
    private const int RecordBytes = 200;

    /// <summary>Provisions a fresh set of resources and measures both services one after the other.</summary>
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
        var dynamoResult = await ThroughputMeter.MeasureAsync(
            $"DynamoDB BatchWriteItem (25 items, {workers} workers)",
            workers,
            duration,
            async ct =>
            {
                var writes = Enumerable.Range(0, 25).Select(_ => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = Guid.NewGuid().ToString("N") },
                    ["type"] = new() { S = "baseline" },
                    ["eventTime"] = new() { S = DateTimeOffset.UtcNow.ToString("O") },
                    ["data"] = new() { S = text },
                }))).ToList();
                var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [resources.Items.Name] = writes } }, ct).ConfigureAwait(false);
                var unprocessed = response.UnprocessedItems is { } left && left.TryGetValue(resources.Items.Name, out var rest) ? rest.Count : 0;
                return writes.Count - unprocessed;
            },
            cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(dynamoResult.ToString()).ConfigureAwait(false);

        return [kinesisResult, dynamoResult];
    }
}
