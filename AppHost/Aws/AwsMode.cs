namespace Testbed.AppHost.Aws;

/// <summary>Where the pipeline's AWS services come from, chosen by the Aws:Mode setting alone.</summary>
public enum AwsMode
{
    /// <summary>kinesalite, dynalite and s3rver from npm, run as executables; needs only Node.js.</summary>
    Embedded,

    /// <summary>One LocalStack-compatible container on the edge port 4566; needs a Docker engine.</summary>
    LocalStack,

    /// <summary>Real AWS: a region and a profile, no emulator.</summary>
    Aws,
}
