namespace Testbed.AppHost.Pipeline;

/// <summary>Links a service's API reference and OpenAPI document from its row in the dashboard.</summary>
public static class ApiDocsExtensions
{
    /// <summary>Adds an "API reference" URL (the Scalar UI at /scalar) and an "OpenAPI" URL (/openapi/v1.json) on the service's http endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithApiDocs(this IResourceBuilder<ProjectResource> builder) => builder
        .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/scalar", DisplayText = "API reference" })
        .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/openapi/v1.json", DisplayText = "OpenAPI" });
}
