using Microsoft.AspNetCore.Builder;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>
/// Documents the bodies a handler reads itself (JSON, NDJSON, CSV). Documentation only: Accepts would also make routing
/// answer 415 to other media types, without the problem details the handler gives.
/// </summary>
public static class RequestBodyDocExtensions
{
    /// <summary>A JSON body of type <typeparamref name="T"/>'s schema, with an example.</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder, string contentType, string example) => builder.WithMetadata(new RequestBodyDoc(contentType, example, typeof(T)));

    /// <summary>A text body (CSV, NDJSON) described in words, with an example.</summary>
    public static RouteHandlerBuilder WithTextBody(this RouteHandlerBuilder builder, string contentType, string description, string example) => builder.WithMetadata(new RequestBodyDoc(contentType, example, TextDescription: description));

    /// <summary>An example for the JSON body the framework binds (a handler parameter).</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string contentType, string example) => builder.WithMetadata(new RequestBodyDoc(contentType, example));
}
