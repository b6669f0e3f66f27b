using System.Text.Json;
using Testbed.Infra.CloudFormation;
using Testbed.Infra.Definition;

namespace Testbed.Infra.Tests;

/// <summary>Keeps the committed CloudFormation template in step with the one definition.</summary>
public sealed class CloudFormationTemplateTests
{
    private const string UpdateVariable = "TESTBED_UPDATE_TEMPLATE";
    private static readonly PipelineResources Definition = PipelineResources.Create();

    [Fact]
    public void The_committed_template_is_the_rendering_of_the_definition()
    {
        var path = CommittedTemplatePath();
        var rendered = CloudFormationTemplate.Render(Definition);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run `{UpdateVariable}=1 dotnet test tests/Testbed.Infra.Tests` to write it.");
        Assert.True(
            File.ReadAllText(path) == rendered,
            $"{CloudFormationTemplate.RepositoryPath} is out of step with infra/Testbed.Infra; run `{UpdateVariable}=1 dotnet test tests/Testbed.Infra.Tests` and commit it.");
    }

    [Fact]
    public void The_committed_template_declares_exactly_the_defined_stream_bucket_and_tables()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(CommittedTemplatePath()));
        var root = template.RootElement;
        var prefix = root.GetProperty("Parameters").GetProperty(CloudFormationTemplate.PrefixParameter).GetProperty("Default").GetString()!;
        var resources = root.GetProperty("Resources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        Assert.Equal(5, resources.Values.Count(r => r.GetProperty("Type").GetString() is "AWS::Kinesis::Stream" or "AWS::S3::Bucket" or "AWS::DynamoDB::Table"));

        var stream = Single(resources, "AWS::Kinesis::Stream");
        Assert.Equal(Definition.Stream.Name, Name(stream, "Name", prefix));
        Assert.Equal(Definition.Stream.ShardCount, stream.GetProperty("ShardCount").GetInt32());

        var bucket = Single(resources, "AWS::S3::Bucket");
        Assert.Equal(Definition.Bucket.Name, Name(bucket, "BucketName", prefix));

        var tables = resources.Values
            .Where(r => r.GetProperty("Type").GetString() == "AWS::DynamoDB::Table")
            .Select(r => r.GetProperty("Properties"))
            .ToDictionary(p => Name(p, "TableName", prefix));
        Assert.Equal(Definition.Tables.Select(t => t.Name).Order(), tables.Keys.Order());
        foreach (var table in Definition.Tables)
        {
            var declared = tables[table.Name];
            Assert.Equal("PAY_PER_REQUEST", declared.GetProperty("BillingMode").GetString());
            Assert.Equal(Keys(table.PartitionKey, table.SortKey), Keys(declared.GetProperty("KeySchema")));
            Assert.Equal(
                table.KeyAttributes.Select(a => $"{a.Name}:{a.TypeCode}").Order(),
                declared.GetProperty("AttributeDefinitions").EnumerateArray().Select(a => $"{a.GetProperty("AttributeName").GetString()}:{a.GetProperty("AttributeType").GetString()}").Order());
            var indexes = declared.TryGetProperty("GlobalSecondaryIndexes", out var gsi)
                ? gsi.EnumerateArray().Select(i => $"{i.GetProperty("IndexName").GetString()}={Keys(i.GetProperty("KeySchema"))}").ToList()
                : [];
            Assert.Equal(table.GlobalSecondaryIndexes.Select(i => $"{i.Name}={Keys(i.PartitionKey, i.SortKey)}"), indexes);
        }
    }

    [Fact]
    public void Names_follow_the_prefix_parameter()
    {
        var rendered = CloudFormationTemplate.Render(PipelineResources.Create("acme-prod"));

        Assert.Contains("\"Default\": \"acme-prod\"", rendered, StringComparison.Ordinal);
        Assert.Contains("\"${NamePrefix}-events\"", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-prod-", rendered, StringComparison.Ordinal);
    }

    private static JsonElement Single(Dictionary<string, JsonElement> resources, string type) =>
        Assert.Single(resources.Values, r => r.GetProperty("Type").GetString() == type).GetProperty("Properties");

    private static string Name(JsonElement properties, string property, string prefix) =>
        properties.GetProperty(property).GetProperty("Fn::Sub").GetString()!.Replace("${" + CloudFormationTemplate.PrefixParameter + "}", prefix, StringComparison.Ordinal);

    private static string Keys(KeyAttribute partition, KeyAttribute? sort) => sort is null ? $"{partition.Name}:HASH" : $"{partition.Name}:HASH,{sort.Name}:RANGE";

    private static string Keys(JsonElement schema) =>
        string.Join(',', schema.EnumerateArray().Select(k => $"{k.GetProperty("AttributeName").GetString()}:{k.GetProperty("KeyType").GetString()}"));

    private static string CommittedTemplatePath() => Path.Combine(Testbed.Emulators.RepositoryRoot.Find(), CloudFormationTemplate.RepositoryPath);
}
