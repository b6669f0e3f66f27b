using Microsoft.AspNetCore.Builder;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>Request-body examples on endpoints, for the bodies a handler reads itself (JSON, NDJSON, CSV).</summary>
public static class RequestExampleExtensions
{
    /// <summary>An example for a media type whose schema the endpoint declares with Accepts.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string contentType, string example)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequestExample(contentType, example));

    /// <summary>Accepts a text format (CSV, NDJSON) described in words, with an example.</summary>
    public static TBuilder AcceptsText<TBuilder>(this TBuilder builder, string contentType, string description, string example)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequestExample(contentType, example, description));
}
