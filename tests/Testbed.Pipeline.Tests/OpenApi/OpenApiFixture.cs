using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.OpenApi;

/// <summary>One stack for the OpenAPI tests, with each service's document as it serves it.</summary>
public sealed class OpenApiFixture(AwsEnvironmentFixture aws) : IAsyncLifetime
{
    /// <summary>The running stack.</summary>
    public PipelineStack Stack { get; private set; } = null!;

    /// <summary>Each service's /openapi/v1.json, by service name (ingestion, api, processor), fetched without a token: the documents are open.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; private set; } = null!;

    /// <summary>A document parsed.</summary>
    public JsonElement Document(string service) => JsonDocument.Parse(Documents[service]).RootElement;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Stack = await PipelineStack.StartAsync(aws, "openapi");
        var documents = new Dictionary<string, string>();
        foreach (var (service, client) in new[] { ("ingestion", Stack.Anonymous("ingestion")), ("api", Stack.Anonymous("api")), ("processor", Stack.Processor()) })
        {
            using (client)
            {
                documents[service] = await client.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken);
            }
        }

        Documents = documents;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
