using System.Net.Http.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Checks that the stream, the bucket and the items table hold exactly what the services said they accepted.</summary>
public static class StoredContents
{
    private static readonly TimeSpan StoredBound = TimeSpan.FromSeconds(60);

    /// <summary>The stream holds a record per acceptance and nothing else, S3 the accepted files and no dead letters, the table an item per accepted id and the untouched edit targets as they were.</summary>
    public static async Task AssertMatchLedgerAsync(FuzzFixture fixture)
    {
        var (stack, ledger) = (fixture.Stack, fixture.Ledger);
        var stream = await StreamContents.ReadAllAsync(stack.Kinesis, stack.Resources.Stream.Name);
        Assert.Equal(ledger.Records.Order(StringComparer.Ordinal), stream.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(stream, e => Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]\\z", e.TraceParent ?? "00-00000000000000000000000000000001-0000000000000001-00"));

        var keys = await KeysAsync(stack);
        Assert.Equal(ledger.Objects.Order(StringComparer.Ordinal), keys.Where(k => k.StartsWith("datasets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(keys, k => k.StartsWith("dead-letter/", StringComparison.Ordinal));

        var expected = ledger.Records.Distinct().Except(ledger.Deleted).Order(StringComparer.Ordinal).ToList();
        List<string> stored = [];
        try
        {
            await Eventually.HoldsAsync(
                async () => (stored = await ItemIdsAsync(stack)).SequenceEqual(expected),
                StoredBound,
                $"the items table holds the {expected.Count} accepted ids",
                TimeSpan.FromMilliseconds(250));
        }
        catch (TimeoutException timeout)
        {
            // Said after the wait, from the last read: what is missing and what is there that should not be.
            Assert.Fail($"{timeout.Message}: it holds {stored.Count}; missing: {string.Join(", ", expected.Except(stored).Take(5))}; not expected: {string.Join(", ", stored.Except(expected).Take(5))}");
        }

        using var api = stack.Api();
        foreach (var (target, index) in fixture.Targets.Select((t, i) => (t, i)).Where(t => !ledger.Edited.Contains(t.t)))
        {
            var item = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"events/{target}", TestContext.Current.CancellationToken);
            Assert.Equal(1, item.GetProperty("version").GetInt64());
            Assert.Equal($"{{\"n\":{index}}}", item.GetProperty("data").GetRawText());
        }
    }

    private static async Task<List<string>> KeysAsync(PipelineStack stack)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = stack.Resources.Bucket.Name };
        ListObjectsV2Response page;
        do
        {
            page = await stack.S3.ListObjectsV2Async(request, TestContext.Current.CancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return keys;
    }

    private static async Task<List<string>> ItemIdsAsync(PipelineStack stack)
    {
        var ids = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await stack.DynamoDb.ScanAsync(
                new ScanRequest { TableName = stack.Resources.Items.Name, ConsistentRead = true, ProjectionExpression = "id", ExclusiveStartKey = start },
                TestContext.Current.CancellationToken);
            ids.AddRange(page.Items.Select(i => i["id"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
