using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>Each service describes its HTTP surface in an OpenAPI document with the statuses it answers.</summary>
public sealed class OpenApiTests(AwsEnvironmentFixture aws)
{
    [Fact]
    public async Task The_Api_and_ingestion_publish_OpenAPI_documents_with_their_routes_and_statuses()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "openapi");
        using var ingestHttp = stack.Ingestion();
        using var apiHttp = stack.Api();

        var apiDocument = await apiHttp.GetFromJsonAsync<JsonElement>("openapi/v1.json", TestContext.Current.CancellationToken);
        var ingestDocument = await ingestHttp.GetFromJsonAsync<JsonElement>("openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(["200", "404"], Statuses(apiDocument, "/events/{id}", "get"));
        Assert.Equal(["200", "400", "404", "412"], Statuses(apiDocument, "/events/{id}", "put"));
        Assert.Equal(["200", "400"], Statuses(apiDocument, "/aggregates", "get"));
        Assert.Equal(["202", "400", "413", "415", "503"], Statuses(ingestDocument, "/events", "post"));
        Assert.Equal(["202", "207", "400", "413", "415", "503"], Statuses(ingestDocument, "/events/batch", "post"));
    }

    private static List<string> Statuses(JsonElement document, string path, string method) =>
        [.. document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name).Order()];
}
