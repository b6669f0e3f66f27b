using Microsoft.Extensions.Configuration;

namespace Testbed.Aws.Configuration;

/// <summary>AWS access as the standard AWS_* settings describe it, so the AWS CLI and any AWS SDK read the same values.</summary>
public sealed class AwsOptions
{
    /// <summary>The access key the embedded emulators are started with and clients sign with.</summary>
    public const string EmbeddedAccessKeyId = "testbed";

    /// <summary>The secret key that goes with <see cref="EmbeddedAccessKeyId"/>.</summary>
    public const string EmbeddedSecretAccessKey = "testbed-local-secret";

    /// <summary>AWS_REGION: the region clients sign for and, without an endpoint override, connect to.</summary>
    public string? Region { get; set; }

    /// <summary>AWS_ENDPOINT_URL: one endpoint for every service (LocalStack's edge).</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>AWS_ENDPOINT_URL_KINESIS: Kinesis's own endpoint; wins over <see cref="ServiceUrl"/>.</summary>
    public Uri? KinesisServiceUrl { get; set; }

    /// <summary>AWS_ENDPOINT_URL_DYNAMODB: DynamoDB's own endpoint; wins over <see cref="ServiceUrl"/>.</summary>
    public Uri? DynamoDbServiceUrl { get; set; }

    /// <summary>AWS_ENDPOINT_URL_S3: S3's own endpoint; wins over <see cref="ServiceUrl"/>.</summary>
    public Uri? S3ServiceUrl { get; set; }

    /// <summary>AWS_ACCESS_KEY_ID: fixed keys (the local emulators'); empty uses the profile or the SDK's default chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>AWS_SECRET_ACCESS_KEY, with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>AWS_PROFILE: a named profile from the shared AWS files.</summary>
    public string? Profile { get; set; }

    /// <summary>AWS_SHARED_CREDENTIALS_FILE: where to read <see cref="Profile"/> from instead of ~/.aws/credentials.</summary>
    public string? ProfilesLocation { get; set; }

    /// <summary>Reads the standard variables from configuration (the environment, or the same keys in any other source).</summary>
    public static AwsOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new AwsOptions
        {
            Region = Text(configuration, "AWS_REGION") ?? Text(configuration, "AWS_DEFAULT_REGION"),
            ServiceUrl = Url(configuration, "AWS_ENDPOINT_URL"),
            KinesisServiceUrl = Url(configuration, "AWS_ENDPOINT_URL_KINESIS"),
            DynamoDbServiceUrl = Url(configuration, "AWS_ENDPOINT_URL_DYNAMODB"),
            S3ServiceUrl = Url(configuration, "AWS_ENDPOINT_URL_S3"),
            AccessKeyId = Text(configuration, "AWS_ACCESS_KEY_ID"),
            SecretAccessKey = Text(configuration, "AWS_SECRET_ACCESS_KEY"),
            Profile = Text(configuration, "AWS_PROFILE"),
            ProfilesLocation = Text(configuration, "AWS_SHARED_CREDENTIALS_FILE"),
        };
    }

    /// <summary>The same settings as environment variables, for a child process or a resource.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment()
    {
        var env = new Dictionary<string, string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                env[name] = text;
            }
        }

        Add("AWS_REGION", Region);
        Add("AWS_ENDPOINT_URL", ServiceUrl);
        Add("AWS_ENDPOINT_URL_KINESIS", KinesisServiceUrl);
        Add("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbServiceUrl);
        Add("AWS_ENDPOINT_URL_S3", S3ServiceUrl);
        Add("AWS_ACCESS_KEY_ID", AccessKeyId);
        Add("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
        Add("AWS_PROFILE", Profile);
        Add("AWS_SHARED_CREDENTIALS_FILE", ProfilesLocation);
        return env;
    }

    private static string? Text(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

    private static Uri? Url(IConfiguration configuration, string key)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidOperationException($"{key} is '{text}', which is not an http(s) URL; set it to an endpoint such as http://127.0.0.1:4566.");
    }
}
