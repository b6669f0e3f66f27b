using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>Writes each endpoint's <see cref="RequestBodyDoc"/>s into its request body: schema, example and description per media type.</summary>
internal sealed class RequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var docs = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDoc>().ToList();
        if (docs.Count == 0)
        {
            return;
        }

        var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody();
        body.Required = true;
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var doc in docs)
        {
            if (doc.Schema is not null)
            {
                body.Content[doc.ContentType] = new OpenApiMediaType
                {
                    Schema = await context.GetOrCreateSchemaAsync(doc.Schema, null, cancellationToken).ConfigureAwait(false),
                    Example = JsonNode.Parse(doc.Example),
                };
            }
            else if (doc.TextDescription is not null)
            {
                body.Content[doc.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = doc.TextDescription },
                    Example = JsonValue.Create(doc.Example),
                };
            }
            else if (body.Content.TryGetValue(doc.ContentType, out var bound))
            {
                bound.Example = JsonNode.Parse(doc.Example);
            }
            else
            {
                throw new InvalidOperationException($"{context.Description.RelativePath}: an example for {doc.ContentType}, a body the endpoint does not bind; use WithJsonBody or WithTextBody.");
            }
        }

        operation.RequestBody = body;
    }
}
