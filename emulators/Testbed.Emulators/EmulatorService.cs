namespace Testbed.Emulators;

/// <summary>The AWS services that have an emulator; the lower-case name is what emulators/launch.js takes.</summary>
public enum EmulatorService
{
    /// <summary>kinesalite.</summary>
    Kinesis,

    /// <summary>dynalite.</summary>
    DynamoDb,

    /// <summary>s3rver.</summary>
    S3,
}
