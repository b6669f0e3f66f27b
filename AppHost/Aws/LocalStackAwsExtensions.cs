using Microsoft.Extensions.Configuration;

namespace Testbed.AppHost.Aws;

/// <summary>LocalStack mode: one container on the edge port, every service behind AWS_ENDPOINT_URL.</summary>
public static class LocalStackAwsExtensions
{
    /// <summary>Adds the container AppHost:LocalStack:Image names (with LOCALSTACK_AUTH_TOKEN when the auth-token parameter is set) and returns the environment that points at it.</summary>
    public static AwsEnvironment AddLocalStackAws(this IDistributedApplicationBuilder builder, string region)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection("AppHost:LocalStack");
        var image = string.IsNullOrWhiteSpace(section["Image"]) ? "localstack/localstack:4.14" : section["Image"]!;
        var (name, tag) = image.LastIndexOf(':') is var colon and > 0 && !image[colon..].Contains('/', StringComparison.Ordinal)
            ? (image[..colon], image[(colon + 1)..])
            : (image, "latest");
        var port = section.GetValue("Port", 4566);

        var localStack = builder.AddContainer("localstack", name, tag)
            .WithHttpEndpoint(port: port, targetPort: 4566, name: "http")
            .WithHttpHealthCheck("/_localstack/health")
            .WithEnvironment("SERVICES", "kinesis,dynamodb,s3");
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:localstack-auth-token"]))
        {
            localStack.WithEnvironment("LOCALSTACK_AUTH_TOKEN", builder.AddParameter("localstack-auth-token", secret: true));
        }

        return new AwsEnvironment(AwsMode.LocalStack)
            .DependOn(localStack)
            .Set("AWS_REGION", region)
            .Set("AWS_ENDPOINT_URL", localStack.GetEndpoint("http"))
            .Set("AWS_ACCESS_KEY_ID", "test")
            .Set("AWS_SECRET_ACCESS_KEY", "test");
    }
}
