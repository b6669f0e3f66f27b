namespace Testbed.Infra.Definition;

/// <summary>A global secondary index that projects every attribute.</summary>
public sealed record IndexDefinition(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey = null);
