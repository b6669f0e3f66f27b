using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>Writes each endpoint's <see cref="RequestExample"/>s into its request body: the example, and for a text format the media type itself.</summary>
internal sealed class RequestExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().ToList();
        if (examples.Count == 0)
        {
            return Task.CompletedTask;
        }

        var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody();
        body.Required = true;
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var example in examples)
        {
            if (example.TextDescription is not null)
            {
                body.Content[example.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = example.TextDescription },
                    Example = JsonValue.Create(example.Example),
                };
            }
            else if (body.Content.TryGetValue(example.ContentType, out var media))
            {
                media.Example = JsonNode.Parse(example.Example);
            }
            else
            {
                throw new InvalidOperationException($"{context.Description.RelativePath}: an example for {example.ContentType}, which the endpoint does not accept; declare it with Accepts first.");
            }
        }

        operation.RequestBody = body;
        return Task.CompletedTask;
    }
}
