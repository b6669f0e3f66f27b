namespace Testbed.Infra.Definition;

/// <summary>A provisioned Kinesis data stream.</summary>
public sealed record StreamDefinition(string Name, int ShardCount, int RetentionPeriodHours = 24);
