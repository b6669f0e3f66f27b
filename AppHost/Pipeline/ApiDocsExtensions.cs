namespace Testbed.AppHost.Pipeline;

/// <summary>Links a service's OpenAPI document from its row in the dashboard.</summary>
public static class ApiDocsExtensions
{
    /// <summary>Adds an "OpenAPI" URL (/openapi/v1.json on the service's http endpoint).</summary>
    public static IResourceBuilder<ProjectResource> WithApiDocs(this IResourceBuilder<ProjectResource> builder) =>
        builder.WithUrlForEndpoint("http", endpoint => new ResourceUrlAnnotation { Url = "/openapi/v1.json", DisplayText = "OpenAPI" });
}
