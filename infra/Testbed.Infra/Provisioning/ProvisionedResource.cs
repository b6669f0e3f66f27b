namespace Testbed.Infra.Provisioning;

/// <summary>One line of a provisioning report.</summary>
/// <param name="Kind">Stream, Bucket or Table.</param>
/// <param name="Name">The resource's name.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="Detail">How it differs, when it does.</param>
public sealed record ProvisionedResource(string Kind, string Name, ProvisioningOutcome Outcome, string? Detail = null)
{
    /// <inheritdoc />
    public override string ToString() => Detail is null ? $"{Kind} {Name}: {Outcome}" : $"{Kind} {Name}: {Outcome} ({Detail})";
}
