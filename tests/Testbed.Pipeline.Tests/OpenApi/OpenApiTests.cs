using System.Text.Json;

namespace Testbed.Pipeline.Tests.OpenApi;

/// <summary>Each service describes its HTTP surface in an OpenAPI document a maintained linter accepts, and serves an API reference UI on it.</summary>
public sealed class OpenApiTests(OpenApiFixture fixture) : IClassFixture<OpenApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_operation_lists_the_statuses_it_answers()
    {
        var api = fixture.Document("api");
        var ingestion = fixture.Document("ingestion");

        Assert.Equal(["200", "401", "403", "404"], Statuses(api, "/events/{id}", "get"));
        Assert.Equal(["200", "400", "401", "403", "404", "412", "415"], Statuses(api, "/events/{id}", "put"));
        Assert.Equal(["204", "400", "401", "403", "404", "412"], Statuses(api, "/events/{id}", "delete"));
        Assert.Equal(["200", "400", "401", "403"], Statuses(api, "/aggregates", "get"));
        Assert.Equal(["200", "404"], Statuses(api, "/schemas/{name}", "get"));
        Assert.Equal(["202", "400", "401", "403", "413", "415", "503"], Statuses(ingestion, "/events", "post"));
        Assert.Equal(["202", "207", "400", "401", "403", "413", "415", "503"], Statuses(ingestion, "/events/batch", "post"));
        Assert.Equal(["202", "400", "401", "403", "413", "415", "503"], Statuses(ingestion, "/datasets/{name}", "post"));
    }

    [Fact]
    public void Each_operation_declares_the_scope_it_needs_and_open_ones_declare_none()
    {
        var api = fixture.Document("api");
        var ingestion = fixture.Document("ingestion");
        var processor = fixture.Document("processor");

        Assert.Equal(["events:read"], Scopes(api, "/events/{id}", "get"));
        Assert.Equal(["events:read"], Scopes(api, "/events", "get"));
        Assert.Equal(["events:write"], Scopes(api, "/events/{id}", "put"));
        Assert.Equal(["events:write"], Scopes(api, "/events/{id}", "delete"));
        Assert.Equal(["events:read"], Scopes(api, "/aggregates", "get"));
        Assert.Equal(["events:read"], Scopes(api, "/datasets/{name}/rows/{index}", "get"));
        Assert.Equal(["events:read"], Scopes(api, "/pipeline/status", "get"));
        Assert.Equal(["events:write"], Scopes(ingestion, "/events", "post"));
        Assert.Equal(["events:write"], Scopes(ingestion, "/events/batch", "post"));
        Assert.Equal(["events:write"], Scopes(ingestion, "/datasets/{name}", "post"));
        Assert.Empty(Operation(api, "/schemas/{name}", "get").GetProperty("security").EnumerateArray());
        Assert.Empty(Operation(processor, "/leases", "get").GetProperty("security").EnumerateArray());
        Assert.False(processor.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out _), "the processor, which needs no token, declares no scheme");

        foreach (var document in new[] { api, ingestion })
        {
            var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
            Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
            var flow = scheme.GetProperty("flows").GetProperty("clientCredentials");
            Assert.Equal(new Uri(fixture.Stack.Identity, "/oauth2/token"), new Uri(flow.GetProperty("tokenUrl").GetString()!));
            Assert.Equal(["events:read", "events:write"], flow.GetProperty("scopes").EnumerateObject().Select(s => s.Name).Order());
        }
    }

    [Fact]
    public void Every_body_an_endpoint_reads_is_described_with_a_schema_and_an_example()
    {
        var ingestion = fixture.Document("ingestion");
        var api = fixture.Document("api");

        Assert.Equal(["application/json"], MediaTypes(ingestion, "/events", "post"));
        Assert.Equal(["application/json", "application/x-ndjson"], MediaTypes(ingestion, "/events/batch", "post"));
        Assert.Equal(["application/x-ndjson", "text/csv"], MediaTypes(ingestion, "/datasets/{name}", "post"));
        Assert.Equal(["application/json"], MediaTypes(api, "/events/{id}", "put"));

        var @event = Operation(ingestion, "/events", "post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(["data", "type"], @event.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal("^[A-Za-z0-9._-]+$", @event.GetProperty("properties").GetProperty("type").GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task The_documents_pass_the_OpenAPI_linter_with_its_recommended_rules()
    {
        var documents = fixture.Documents.ToDictionary(d => d.Key + ".json", d => d.Value);

        var (exitCode, output) = await OpenApiLinter.LintAsync(documents, Ct);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(" error ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" warning ", output, StringComparison.Ordinal);
        foreach (var name in documents.Keys)
        {
            Assert.Contains($"validating {name}", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ingestion", "Testbed Ingestion")]
    [InlineData("api", "Testbed Api")]
    public async Task Each_service_serves_its_API_reference_from_its_own_assets(string service, string title)
    {
        using var http = fixture.Stack.Anonymous(service);

        var page = await http.GetStringAsync("scalar/", Ct);
        using var script = await http.GetAsync("scalar/scalar.js", Ct);

        Assert.Contains($"<title>{title}</title>", page, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }

    private static List<string> Statuses(JsonElement document, string path, string method) =>
        [.. Operation(document, path, method).GetProperty("responses").EnumerateObject().Select(r => r.Name).Order()];

    private static List<string> Scopes(JsonElement document, string path, string method)
    {
        var requirement = Assert.Single(Operation(document, path, method).GetProperty("security").EnumerateArray());
        return [.. requirement.GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()!)];
    }

    private static List<string> MediaTypes(JsonElement document, string path, string method)
    {
        var content = Operation(document, path, method).GetProperty("requestBody").GetProperty("content");
        foreach (var media in content.EnumerateObject())
        {
            Assert.True(media.Value.TryGetProperty("schema", out _), $"{method} {path} {media.Name} has a schema");
            Assert.True(media.Value.TryGetProperty("example", out _), $"{method} {path} {media.Name} has an example");
        }

        return [.. content.EnumerateObject().Select(m => m.Name).Order()];
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);
}
