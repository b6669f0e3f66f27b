using System.ComponentModel.DataAnnotations;

namespace Testbed.Aws.Configuration;

/// <summary>The one configuration model for AWS access, bound from the "Aws" section (Aws__Mode, Aws__Region, … in the environment).</summary>
public sealed class AwsOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Aws";

    /// <summary>The access key the embedded emulators are started with and clients sign with.</summary>
    public const string EmbeddedAccessKeyId = "testbed";

    /// <summary>The secret key that goes with <see cref="EmbeddedAccessKeyId"/>.</summary>
    public const string EmbeddedSecretAccessKey = "testbed-local-secret";

    /// <summary>Embedded (default), LocalStack or Aws.</summary>
    public AwsMode Mode { get; set; } = AwsMode.Embedded;

    /// <summary>The region clients sign for and, in Aws mode, connect to.</summary>
    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>A named profile from ~/.aws for Aws mode; empty for the SDK's default chain.</summary>
    public string? Profile { get; set; }

    /// <summary>A shared credentials file to read <see cref="Profile"/> from instead of ~/.aws/credentials.</summary>
    public string? ProfilesLocation { get; set; }

    /// <summary>LocalStack's edge endpoint; http://localhost:4566 when empty.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The Kinesis emulator's endpoint (Embedded mode).</summary>
    public Uri? KinesisServiceUrl { get; set; }

    /// <summary>The DynamoDB emulator's endpoint (Embedded mode).</summary>
    public Uri? DynamoDbServiceUrl { get; set; }

    /// <summary>The S3 emulator's endpoint (Embedded mode).</summary>
    public Uri? S3ServiceUrl { get; set; }

    /// <summary>Fixed access key for the local modes; defaults per mode when empty.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Fixed secret key for the local modes.</summary>
    public string? SecretAccessKey { get; set; }
}
