using System.Net;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Testbed.AppHost.Startup;
using Testbed.Emulators;
using Testbed.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>Aws:Mode=LocalStack: the whole pipeline against one LocalStack-compatible container, as `dotnet run --project AppHost -- --Aws:Mode=LocalStack` runs it.</summary>
public sealed class LocalStackModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pipeline_runs_against_the_container_and_the_README_event_is_queryable()
    {
        if (!await EmulatorImage.EngineAnswersAsync(Ct))
        {
            Assert.Skip("No Docker engine answers here; LocalStack mode needs one (.ci/run starts dockerd).");
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(
            ["--Aws:Mode=LocalStack", $"--Pipeline:Prefix={UniqueName.For("localstack")}"],
            bound.Token);
        await using var app = await builder.BuildAsync(bound.Token);
        // The web too: a stack stopped while a service is still starting ends it before its own shutdown can run, leaving its files.
        await app.StartHealthyAsync(["localstack", "identity", "ingestion", "processor", "api", "web"], TimeSpan.FromMinutes(4), Ct);

        using var health = await new HttpClient().GetAsync(new Uri(app.GetEndpoint("localstack", "http"), "/_localstack/health"), bound.Token);
        var services = JsonDocument.Parse(await health.Content.ReadAsStringAsync(bound.Token)).RootElement.GetProperty("services");
        Assert.All(new[] { "kinesis", "dynamodb", "s3" }, service => Assert.Equal("running", services.GetProperty(service).GetString()));

        var id = UniqueName.For("order");
        using var tokenHttp = new HttpClient();
        using var tokens = LocalIssuer.Tokens(app.GetEndpoint("identity", "http"), LocalIssuer.FullAccess, tokenHttp);
        using var ingestion = LocalIssuer.Client(app.GetEndpoint("ingestion", "http"), tokens);
        using var api = LocalIssuer.Client(app.GetEndpoint("api", "http"), tokens);
        using var posted = await ingestion.PostAsync(
            "events",
            new StringContent($$$"""{"type":"order.created","id":"{{{id}}}","data":{"amount":42.5}}""", Encoding.UTF8, "application/json"),
            bound.Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.HoldsAsync(async () => (await api.GetAsync($"events/{id}", bound.Token)).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"{id} is queryable");
    }
}
