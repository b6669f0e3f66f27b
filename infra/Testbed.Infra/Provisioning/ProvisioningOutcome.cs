namespace Testbed.Infra.Provisioning;

/// <summary>What provisioning did with one resource.</summary>
public enum ProvisioningOutcome
{
    /// <summary>It was missing and is now created and active.</summary>
    Created,

    /// <summary>It existed as defined and was left alone.</summary>
    Existed,

    /// <summary>It existed but differs from the definition; it was left alone and the difference reported.</summary>
    Differs,
}
