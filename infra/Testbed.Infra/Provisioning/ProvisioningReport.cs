namespace Testbed.Infra.Provisioning;

/// <summary>What provisioning found and did, resource by resource.</summary>
public sealed record ProvisioningReport(IReadOnlyList<ProvisionedResource> Resources, TimeSpan Elapsed)
{
    /// <summary>Whether this run created anything.</summary>
    public bool ChangedAnything => Resources.Any(r => r.Outcome == ProvisioningOutcome.Created);
}
