namespace Testbed.Aws.Configuration;

/// <summary>Which AWS the services talk to.</summary>
public enum AwsMode
{
    /// <summary>The npm emulators started on this machine: one endpoint per service.</summary>
    Embedded,

    /// <summary>LocalStack's single edge endpoint.</summary>
    LocalStack,

    /// <summary>Real AWS: region and credentials only, endpoints from the SDK.</summary>
    Aws,
}
