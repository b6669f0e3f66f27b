using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>Fills the document-level fields a generated document leaves empty: description, licence, tag descriptions; and server URLs without a trailing slash.</summary>
internal sealed class DocumentTransformer(ApiDocument about) : IOpenApiDocumentTransformer
{
    /// <summary>The licence every Testbed API is published under: the repository grants none yet, so an SPDX reference to a proprietary licence.</summary>
    public const string Licence = "LicenseRef-Proprietary";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = about.Title;
        document.Info.Description = about.Description;
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = Licence };

        // The generator names the server by the request's base URL, "http://host:port/": clients append paths that start with "/".
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(about.Tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
        return Task.CompletedTask;
    }
}
