using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Records.Schemas;

namespace Testbed.Api.Apis;

/// <summary>GET /schemas/{name}: the published JSON Schemas of the record on the stream and in the lake.</summary>
public static class SchemasApi
{
    private const string SchemaMediaType = "application/schema+json";

    /// <summary>Maps the schema endpoint.</summary>
    public static IEndpointRouteBuilder MapSchemasApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schemas/{name}", GetSchema).WithTags("Schemas").WithName("GetSchema")
            .WithSummary("A published JSON Schema")
            .WithDescription($"The JSON Schema (2020-12) of a format other producers and consumers rely on. {RecordSchemas.EventRecord}: "
                + "the record on the Kinesis stream and each line of the lake's raw/ objects.")
            .Produces<string>(StatusCodes.Status200OK, SchemaMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The schema's text, or 404 naming the published ones.</summary>
    public static Results<ContentHttpResult, ProblemHttpResult> GetSchema([Description("The schema's name: event-record.")] string name) =>
        RecordSchemas.Read(name) is { } schema
            ? TypedResults.Text(schema, SchemaMediaType)
            : TypedResults.Problem(
                $"No schema is named '{name}'; the published ones are {string.Join(", ", RecordSchemas.Names)}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found.",
                extensions: new Dictionary<string, object?> { ["field"] = "name" });
}
