using Amazon.DynamoDBv2.Model;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;
using Testbed.Infra.Definition;
using Testbed.Infra.Provisioning;
using Testbed.Testing;

namespace Testbed.Infra.Tests;

/// <summary>The provisioner against the emulators: creates what is missing, then leaves everything alone.</summary>
public sealed class PipelineProvisionerTests(AwsEnvironmentFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_run_creates_every_resource_as_defined_and_a_second_run_changes_nothing()
    {
        var resources = PipelineResources.Create(UniqueName.For("prov"), shardCount: 3);
        var provisioner = Provisioner();

        var first = await provisioner.ProvisionAsync(resources, Ct);

        Assert.Equal(5, first.Resources.Count);
        Assert.All(first.Resources, r => Assert.Equal(ProvisioningOutcome.Created, r.Outcome));
        var stream = await emulators.Kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = resources.Stream.Name }, Ct);
        Assert.Equal(StreamStatus.Active, stream.StreamDescriptionSummary.StreamStatus);
        Assert.Equal(3, (await emulators.Kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: Ct)).Count);
        Assert.Contains(resources.Bucket.Name, (await emulators.S3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
        var items = (await emulators.DynamoDb.DescribeTableAsync(resources.Items.Name, Ct)).Table;
        Assert.Equal(["id"], items.KeySchema.Select(k => k.AttributeName));
        var index = Assert.Single(items.GlobalSecondaryIndexes);
        Assert.Equal(PipelineResources.ItemsByTypeIndex, index.IndexName);
        Assert.Equal(["type", "eventTime"], index.KeySchema.Select(k => k.AttributeName));
        var before = await DescribeAllAsync(resources);

        var second = await provisioner.ProvisionAsync(resources, Ct);

        Assert.False(second.ChangedAnything);
        Assert.All(second.Resources, r => Assert.Equal(ProvisioningOutcome.Existed, r.Outcome));
        Assert.Equal(before, await DescribeAllAsync(resources));
    }

    [Fact]
    public async Task Data_written_between_runs_survives_a_second_run()
    {
        var resources = PipelineResources.Create(UniqueName.For("keep"));
        await Provisioner().ProvisionAsync(resources, Ct);
        await emulators.DynamoDb.PutItemAsync(resources.Items.Name, new() { ["id"] = new() { S = "kept" }, ["type"] = new() { S = "t" }, ["eventTime"] = new() { S = "x" } }, Ct);

        await Provisioner().ProvisionAsync(resources, Ct);

        var item = await emulators.DynamoDb.GetItemAsync(resources.Items.Name, new() { ["id"] = new() { S = "kept" } }, Ct);
        Assert.True(item.IsItemSet);
    }

    [Fact]
    public async Task Two_provisioners_at_once_both_succeed_and_create_each_resource_once()
    {
        var resources = PipelineResources.Create(UniqueName.For("race"));

        var reports = await Task.WhenAll(Provisioner().ProvisionAsync(resources, Ct), Provisioner().ProvisionAsync(resources, Ct));

        // S3 answers 200 to an owner re-creating its bucket, so both may claim the bucket; Kinesis and DynamoDB tell.
        var created = reports.SelectMany(r => r.Resources).Where(r => r.Kind != "Bucket" && r.Outcome == ProvisioningOutcome.Created).Select(r => r.Name).ToList();
        Assert.Equal(4, created.Count);
        Assert.Equal(created.Distinct().Count(), created.Count);
        Assert.Equal(2, (await emulators.Kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task A_stream_that_differs_from_the_definition_is_reported_and_left_alone()
    {
        var resources = PipelineResources.Create(UniqueName.For("drift"), shardCount: 2);
        await emulators.Kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = resources.Stream.Name, ShardCount = 1 }, Ct);

        var report = await Provisioner().ProvisionAsync(resources, Ct);

        var stream = report.Resources.Single(r => r.Kind == "Stream");
        Assert.Equal(ProvisioningOutcome.Differs, stream.Outcome);
        Assert.Contains("1 open shards, the definition has 2", stream.Detail, StringComparison.Ordinal);
        Assert.Single(await emulators.Kinesis.ListAllShardsAsync(resources.Stream.Name, cancellationToken: Ct));
    }

    private PipelineProvisioner Provisioner() => new(emulators.Kinesis, emulators.DynamoDb, emulators.S3);

    private async Task<string> DescribeAllAsync(PipelineResources resources)
    {
        var parts = new List<string>();
        var summary = (await emulators.Kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = resources.Stream.Name }, Ct)).StreamDescriptionSummary;
        parts.Add($"{summary.StreamName} {summary.OpenShardCount} {summary.StreamCreationTimestamp:O}");
        foreach (var table in resources.Tables)
        {
            TableDescription t = (await emulators.DynamoDb.DescribeTableAsync(table.Name, Ct)).Table;
            parts.Add($"{t.TableName} {t.CreationDateTime:O} {t.TableStatus} {t.ItemCount}");
        }

        var bucket = (await emulators.S3.ListBucketsAsync(Ct)).Buckets.Single(b => b.BucketName == resources.Bucket.Name);
        parts.Add($"{bucket.BucketName} {bucket.CreationDate:O}");
        return string.Join('\n', parts);
    }
}
