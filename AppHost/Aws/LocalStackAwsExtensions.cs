using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Testbed.Emulators;

namespace Testbed.AppHost.Aws;

/// <summary>LocalStack mode: one container on the edge port, every service behind AWS_ENDPOINT_URL.</summary>
public static partial class LocalStackAwsExtensions
{
    /// <summary>
    /// Adds the container AppHost:LocalStack:Image names, or Testbed's LocalStack-compatible image (built here when missing),
    /// and returns the environment that points at it; throws naming the fix when no engine answers or a token is missing.
    /// With Aws:ServiceUrl set, no container is started: the services use that running LocalStack (or Testcontainers') edge.
    /// </summary>
    public static AwsEnvironment AddLocalStackAws(this IDistributedApplicationBuilder builder, string region)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var external = builder.Configuration[$"{AwsEnvironmentExtensions.SectionName}:ServiceUrl"];
        if (!string.IsNullOrWhiteSpace(external))
        {
            return Edge(new AwsEnvironment(AwsMode.LocalStack), region, external);
        }

        var section = builder.Configuration.GetSection("AppHost:LocalStack");
        var configured = section["Image"];
        var image = string.IsNullOrWhiteSpace(configured) ? BuildOwnImage() : configured.Trim();
        var colon = image.LastIndexOf(':');
        var (repository, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
        var token = builder.Configuration["Parameters:localstack-auth-token"];
        if (NeedsAuthToken(repository, tag) && string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException(
                $"{image} needs a LocalStack auth token (tags from 4.15 on): set Parameters:localstack-auth-token (dotnet user-secrets set Parameters:localstack-auth-token …), use localstack/localstack:4.14, or leave AppHost:LocalStack:Image empty for Testbed's own image.");
        }

        var localStack = builder.AddContainer("localstack", repository, tag)
            .WithHttpEndpoint(port: section.GetValue("Port", 4566), targetPort: 4566, name: "http")
            .WithHttpHealthCheck("/_localstack/health")
            .WithEnvironment("SERVICES", "kinesis,dynamodb,s3");
        if (repository == EmulatorImage.Repository)
        {
            localStack.WithImagePullPolicy(ImagePullPolicy.Never);
        }

        if (!string.IsNullOrWhiteSpace(token))
        {
            localStack.WithEnvironment("LOCALSTACK_AUTH_TOKEN", builder.AddParameter("localstack-auth-token", secret: true));
        }

        if (section.GetValue("Persistent", false))
        {
            // Both LocalStack and Testbed's image keep their data under /var/lib/localstack with PERSISTENCE=1.
            localStack.WithEnvironment("PERSISTENCE", "1").WithVolume("testbed-localstack-data", "/var/lib/localstack");
        }

        return Edge(new AwsEnvironment(AwsMode.LocalStack).DependOn(localStack), region, localStack.GetEndpoint("http"));
    }

    private static AwsEnvironment Edge(AwsEnvironment aws, string region, object endpoint) => aws
        .Set("AWS_REGION", region)
        .Set("AWS_ENDPOINT_URL", endpoint)
        .Set("AWS_ACCESS_KEY_ID", "test")
        .Set("AWS_SECRET_ACCESS_KEY", "test");

    private static string BuildOwnImage()
    {
        var progress = new Progress<string>(line => Console.WriteLine(line));
        try
        {
            return EmulatorImage.EnsureBuiltAsync(progress, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (EmulatorStartException error)
        {
            throw new InvalidOperationException($"LocalStack mode: {error.Message}", error);
        }
    }

    // LocalStack's public image asks for a token from 4.15 on, and for latest, stable and nightly.
    private static bool NeedsAuthToken(string repository, string tag)
    {
        if (!repository.StartsWith("localstack/", StringComparison.Ordinal))
        {
            return false;
        }

        var version = Version().Match(tag);
        return !version.Success
            || int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 4
            || (version.Groups[1].Value == "4" && version.Groups[2].Success && int.Parse(version.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 15);
    }

    [GeneratedRegex(@"^(\d+)(?:\.(\d+))?")]
    private static partial Regex Version();
}
