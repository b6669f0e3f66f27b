namespace Testbed.Infra.Configuration;

/// <summary>The "Pipeline" configuration section: the name prefix every service derives the resource names from.</summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>The prefix of every resource name (Pipeline__Prefix).</summary>
    public string Prefix { get; set; } = Definition.PipelineResources.DefaultPrefix;

    /// <summary>The stream's shard count when provisioning.</summary>
    public int ShardCount { get; set; } = 2;
}
