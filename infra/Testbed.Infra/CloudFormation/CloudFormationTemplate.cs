using System.Text.Json;
using System.Text.Json.Nodes;
using Testbed.Infra.Definition;

namespace Testbed.Infra.CloudFormation;

/// <summary>Renders the pipeline's resources as a CloudFormation template for real AWS; names take the NamePrefix parameter.</summary>
public static class CloudFormationTemplate
{
    /// <summary>The template parameter that replaces the definition's name prefix.</summary>
    public const string PrefixParameter = "NamePrefix";

    /// <summary>Where the rendered template is kept in the repository, relative to its root.</summary>
    public const string RepositoryPath = "infra/cloudformation/testbed.template.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The template as indented JSON with a final newline.</summary>
    public static string Render(PipelineResources resources)
    {
        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = "Testbed ingestion pipeline: the events stream, the data lake bucket and the items, aggregates and leases tables. Generated from infra/Testbed.Infra; do not edit by hand.",
            ["Parameters"] = new JsonObject
            {
                [PrefixParameter] = new JsonObject
                {
                    ["Type"] = "String",
                    ["Default"] = resources.Prefix,
                    ["Description"] = "The prefix of every resource name; bucket names are global, so choose one of your own.",
                },
            },
            ["Resources"] = new JsonObject
            {
                ["EventsStream"] = Stream(resources, resources.Stream),
                ["LakeBucket"] = Bucket(resources, resources.Bucket),
                ["ItemsTable"] = Table(resources, resources.Items),
                ["AggregatesTable"] = Table(resources, resources.Aggregates),
                ["LeasesTable"] = Table(resources, resources.Leases),
            },
            ["Outputs"] = new JsonObject
            {
                ["StreamName"] = Output("EventsStream"),
                ["BucketName"] = Output("LakeBucket"),
                ["ItemsTableName"] = Output("ItemsTable"),
                ["AggregatesTableName"] = Output("AggregatesTable"),
                ["LeasesTableName"] = Output("LeasesTable"),
            },
        };
        CloudWatchAlarms.AddTo(template["Resources"]!.AsObject(), resources);
        UserPoolTemplate.AddTo(template["Resources"]!.AsObject(), template["Outputs"]!.AsObject(), resources.UserPool, resources.Prefix);
        return template.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Stream(PipelineResources resources, StreamDefinition stream) => new()
    {
        ["Type"] = "AWS::Kinesis::Stream",
        ["Properties"] = new JsonObject
        {
            ["Name"] = Name(resources, stream.Name),
            ["ShardCount"] = stream.ShardCount,
            ["RetentionPeriodHours"] = stream.RetentionPeriodHours,
            ["StreamModeDetails"] = new JsonObject { ["StreamMode"] = "PROVISIONED" },
        },
    };

    private static JsonObject Bucket(PipelineResources resources, BucketDefinition bucket) => new()
    {
        ["Type"] = "AWS::S3::Bucket",
        ["Properties"] = new JsonObject { ["BucketName"] = Name(resources, bucket.Name) },
    };

    private static JsonObject Table(PipelineResources resources, TableDefinition table)
    {
        var properties = new JsonObject
        {
            ["TableName"] = Name(resources, table.Name),
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["AttributeDefinitions"] = new JsonArray([.. table.KeyAttributes.Select(a => (JsonNode)new JsonObject
            {
                ["AttributeName"] = a.Name,
                ["AttributeType"] = a.TypeCode,
            })]),
            ["KeySchema"] = KeySchema(table.PartitionKey, table.SortKey),
        };
        if (table.GlobalSecondaryIndexes.Count > 0)
        {
            properties["GlobalSecondaryIndexes"] = new JsonArray([.. table.GlobalSecondaryIndexes.Select(i => (JsonNode)new JsonObject
            {
                ["IndexName"] = i.Name,
                ["KeySchema"] = KeySchema(i.PartitionKey, i.SortKey),
                ["Projection"] = new JsonObject { ["ProjectionType"] = "ALL" },
            })]);
        }

        return new JsonObject { ["Type"] = "AWS::DynamoDB::Table", ["Properties"] = properties };
    }

    private static JsonArray KeySchema(KeyAttribute partition, KeyAttribute? sort)
    {
        var schema = new JsonArray(new JsonObject { ["AttributeName"] = partition.Name, ["KeyType"] = "HASH" });
        if (sort is not null)
        {
            schema.Add(new JsonObject { ["AttributeName"] = sort.Name, ["KeyType"] = "RANGE" });
        }

        return schema;
    }

    private static JsonObject Name(PipelineResources resources, string name)
    {
        if (!name.StartsWith(resources.Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{name}' does not start with the prefix '{resources.Prefix}'.");
        }

        return new JsonObject { ["Fn::Sub"] = $"${{{PrefixParameter}}}{name[resources.Prefix.Length..]}" };
    }

    private static JsonObject Output(string logicalId) => new()
    {
        ["Value"] = new JsonObject { ["Ref"] = logicalId },
    };
}
