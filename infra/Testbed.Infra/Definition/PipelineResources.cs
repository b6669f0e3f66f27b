namespace Testbed.Infra.Definition;

/// <summary>Every AWS resource the pipeline uses; the single source for the local provisioner and the CloudFormation template.</summary>
/// <param name="Prefix">The prefix every name starts with.</param>
/// <param name="Stream">The events stream that ingestion writes and the processor reads.</param>
/// <param name="Bucket">The data lake bucket.</param>
/// <param name="Items">Normalised events by id, with an index by type and time (silver).</param>
/// <param name="Aggregates">Per-type, per-minute window aggregates (gold).</param>
/// <param name="Leases">Shard leases and checkpoints shared by the processor instances.</param>
public sealed record PipelineResources(
    string Prefix,
    StreamDefinition Stream,
    BucketDefinition Bucket,
    TableDefinition Items,
    TableDefinition Aggregates,
    TableDefinition Leases)
{
    /// <summary>The default name prefix.</summary>
    public const string DefaultPrefix = "testbed";

    /// <summary>The name of the items table's index by type and event time.</summary>
    public const string ItemsByTypeIndex = "type-time";

    /// <summary>The pipeline's resources, every name starting with <paramref name="prefix"/> (tests use their own prefix to isolate).</summary>
    public static PipelineResources Create(string prefix = DefaultPrefix, int shardCount = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var text = AttributeKind.String;
        return new PipelineResources(
            prefix,
            new StreamDefinition($"{prefix}-events", shardCount),
            new BucketDefinition($"{prefix}-lake"),
            new TableDefinition(
                $"{prefix}-items",
                new KeyAttribute("id", text),
                Indexes: [new IndexDefinition(ItemsByTypeIndex, new KeyAttribute("type", text), new KeyAttribute("eventTime", text))]),
            new TableDefinition($"{prefix}-aggregates", new KeyAttribute("type", text), new KeyAttribute("window", text)),
            new TableDefinition($"{prefix}-leases", new KeyAttribute("leaseKey", text)));
    }

    /// <summary>The three tables.</summary>
    public IReadOnlyList<TableDefinition> Tables => [Items, Aggregates, Leases];

    /// <summary>The alarms on the services' API calls (names without the prefix: locally they are per service, not per stack).</summary>
    public IReadOnlyList<AlarmDefinition> Alarms => ApiCallAlarms.All;
    /// <summary>The Cognito user pool that issues the services' tokens on AWS (locally the identity resource stands in for it).</summary>
    public UserPoolDefinition UserPool => UserPoolDefinition.For(Prefix);
}
