namespace Testbed.Infra.Definition;

/// <summary>An on-demand DynamoDB table: keys and global secondary indexes.</summary>
public sealed record TableDefinition(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey = null, IReadOnlyList<IndexDefinition>? Indexes = null)
{
    /// <summary>The table's global secondary indexes.</summary>
    public IReadOnlyList<IndexDefinition> GlobalSecondaryIndexes => Indexes ?? [];

    /// <summary>Every attribute a key of the table or of an index uses, once each.</summary>
    public IReadOnlyList<KeyAttribute> KeyAttributes =>
    [
        .. new[] { PartitionKey, SortKey }
            .Concat(GlobalSecondaryIndexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }))
            .OfType<KeyAttribute>()
            .DistinctBy(a => a.Name),
    ];
}
