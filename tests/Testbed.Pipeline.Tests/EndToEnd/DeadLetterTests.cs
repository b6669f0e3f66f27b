using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Testbed.Aws.S3;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Records.Events;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>Records another producer (the AWS CLI) puts on the stream that are not events: kept byte for byte under dead-letter/, while raw/ stays valid gzip NDJSON of events.</summary>
public sealed class DeadLetterTests(AwsEnvironmentFixture aws)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Foreign_records_go_to_the_dead_letters_with_their_reason_and_raw_holds_only_events()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "dead");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        byte[][] foreign =
        [
            Encoding.UTF8.GetBytes("not json at all"),
            Encoding.UTF8.GetBytes("""{"id":"half","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":5}"""),
            [0xff, 0xfe, 0x00, 0x01],
        ];
        // Put by the AWS CLI, as another producer would; fileb:// sends the bytes as they are with CLI v1 and v2 alike.
        var sequences = new List<string>();
        var file = Path.Combine(Path.GetTempPath(), $"testbed-foreign-{Guid.NewGuid():N}");
        try
        {
            foreach (var bytes in foreign)
            {
                await File.WriteAllBytesAsync(file, bytes, Ct);
                using var put = JsonDocument.Parse(await AwsCli.RunAsync(
                    stack.Connection, stack.Connection.KinesisServiceUrl!, "kinesis", "put-record", "--stream-name", stack.Resources.Stream.Name, "--partition-key", "foreign", "--data", "fileb://" + file));
                sequences.Add(put.RootElement.GetProperty("SequenceNumber").GetString()!);
            }
        }
        finally
        {
            File.Delete(file);
        }

        // An event posted after them, on its own partition key: once it is stored, the processors have read past the foreign records.
        using var posted = await ingest.PostAsync("events", new StringContent("""{"type":"marker","id":"after-foreign","data":{"n":1}}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        await ApiQueries.WaitForEventAsync(query, "after-foreign", TimeSpan.FromSeconds(60));

        List<S3Object> letters = [];
        await Eventually.HoldsAsync(
            async () => (letters = await ListAsync(stack, "dead-letter/")).Count == foreign.Length,
            TimeSpan.FromSeconds(60),
            $"{foreign.Length} dead letters in the lake");
        for (var i = 0; i < foreign.Length; i++)
        {
            var letter = Assert.Single(letters, o => o.Key.EndsWith("-" + sequences[i], StringComparison.Ordinal));
            Assert.Matches(@"^dead-letter/\d{4}/\d{2}/\d{2}/\d{2}/shardId-\d+-\d+$", letter.Key);
            Assert.Equal(foreign[i], await stack.S3.GetBytesAsync(stack.Resources.Bucket.Name, letter.Key, Ct));
            var metadata = await stack.S3.GetObjectMetadataAsync(stack.Resources.Bucket.Name, letter.Key, Ct);
            Assert.Equal(sequences[i], metadata.Metadata["x-amz-meta-sequence-number"]);
            Assert.StartsWith("shardId-", metadata.Metadata["x-amz-meta-shard-id"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Metadata["x-amz-meta-reason"]));
        }

        // The AWS CLI reads the reason back as any S3 client would.
        using var head = JsonDocument.Parse(await AwsCli.RunAsync(
            stack.Connection, stack.Connection.S3ServiceUrl!, "s3api", "head-object", "--bucket", stack.Resources.Bucket.Name, "--key", letters.Single(o => o.Key.EndsWith("-" + sequences[1], StringComparison.Ordinal)).Key));
        Assert.Contains("not an object", head.RootElement.GetProperty("Metadata").GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The status counts them per shard.
        await Eventually.HoldsAsync(
            async () => (await query.GetFromJsonAsync<JsonElement>("pipeline/status", Ct)).GetProperty("shards").EnumerateArray().Sum(s => s.GetProperty("deadLetters").GetInt64()) == foreign.Length,
            TimeSpan.FromSeconds(30),
            $"/pipeline/status counts {foreign.Length} dead letters");

        // Every line of every raw object is an event.
        var raw = await RawLake.ReadAsync(stack);
        Assert.NotEmpty(raw);
        foreach (var line in raw.Values.SelectMany(l => l))
        {
            var record = JsonSerializer.Deserialize(line, EventJsonContext.Default.EventRecord);
            Assert.Equal(JsonValueKind.Object, record!.Data.ValueKind);
        }
    }

    private static async Task<List<S3Object>> ListAsync(PipelineStack stack, string prefix) =>
        (await stack.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = stack.Resources.Bucket.Name, Prefix = prefix }, Ct)).S3Objects ?? [];
}
