using System.Net;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Testbed.AppHost.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>The whole pipeline under the real Aspire orchestrator and dashboard, as a user runs it.</summary>
[Collection(TestbedAppCollection.Name)]
public sealed class AspireAppTests(TestbedApp testbed)
{
    // Each service exports on its own schedule: the processor's spans may reach the dashboard before the ingestion's.
    private static readonly (string Service, string Name)[] Expected =
    [
        ("ingestion", "POST /events"),
        ("ingestion", "Kinesis PutRecords"),
        ("processor", "process order.created"),
        ("processor", "S3 PutObject"),
        ("processor", "DynamoDB BatchWriteItem"),
        ("processor", "DynamoDB UpdateAggregates"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provisioning_runs_once_and_finishes_before_the_services_start()
    {
        var provision = testbed.App.ResourceNotifications;
        var finished = await provision.WaitForResourceAsync("provision", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(0, finished.Snapshot.ExitCode);
    }

    [Fact]
    public async Task The_README_event_is_queryable_and_its_trace_crosses_ingestion_and_processor_with_the_S3_and_DynamoDB_steps()
    {
        var id = UniqueName.For("order");
        using var ingestion = testbed.Client("ingestion");
        using var api = testbed.Client("api");

        using var posted = await ingestion.PostAsync(
            "events",
            new StringContent($$$"""{"type":"order.created","id":"{{{id}}}","data":{"amount":42.5,"sku":"A-1"}}""", Encoding.UTF8, "application/json"),
            Ct);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        await Eventually.HoldsAsync(async () => (await api.GetAsync($"events/{id}", Ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), $"{id} is queryable");
        var stored = JsonDocument.Parse(await api.GetStringAsync($"events/{id}", Ct)).RootElement;
        Assert.Equal(42.5, stored.GetProperty("data").GetProperty("amount").GetDouble());
        var traceId = stored.GetProperty("traceParent").GetString()!.Split('-')[1];

        using var dashboard = testbed.Dashboard();
        await Eventually.HoldsAsync(
            async () =>
            {
                var spans = await TraceSpans.ReadAsync(dashboard, traceId, Ct);
                return Expected.All(expected => spans.Any(s => s.Service == expected.Service && s.Name.StartsWith(expected.Name, StringComparison.Ordinal)));
            },
            TimeSpan.FromSeconds(60),
            $"trace {traceId} on the dashboard has {string.Join(", ", Expected)}");
    }

    [Fact]
    public async Task Kinesis_taken_down_from_the_dashboard_gives_503_and_the_pipeline_recovers_when_it_is_back()
    {
        var commands = testbed.App.ResourceCommands;
        var notifications = testbed.App.ResourceNotifications;
        using var ingestion = testbed.Client("ingestion");
        using var api = testbed.Client("api");

        var stopped = await commands.ExecuteCommandAsync("kinesis", KnownResourceCommands.StopCommand, Ct);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            using var refused = await ingestion.PostAsync("events", Json("""{"type":"outage.test","data":{}}"""), Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter is not null, "503 comes with Retry-After");
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync("kinesis", KnownResourceCommands.StartCommand, Ct);
            Assert.True(started.Success, started.Message);
            await notifications.WaitForResourceHealthyAsync("kinesis", Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        }

        var id = UniqueName.For("after-outage");
        using var accepted = await ingestion.PostAsync("events", Json($$$"""{"type":"outage.test","id":"{{{id}}}","data":{}}"""), Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.HoldsAsync(async () => (await api.GetAsync($"events/{id}", Ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"{id} is queryable after the outage");
    }

    [Fact]
    public async Task Each_service_links_its_API_reference_and_OpenAPI_document_from_the_dashboard()
    {
        foreach (var service in new[] { "ingestion", "api" })
        {
            Assert.True(testbed.App.ResourceNotifications.TryGetCurrentState(service, out var state), $"{service} has a state");
            var urls = state!.Snapshot.Urls;
            var reference = Assert.Single(urls, u => u.DisplayProperties.DisplayName == "API reference");
            var document = Assert.Single(urls, u => u.DisplayProperties.DisplayName == "OpenAPI");

            using var http = new HttpClient();
            var page = await http.GetStringAsync(reference.Url, Ct);
            Assert.Contains("<title>Testbed ", page, StringComparison.Ordinal);
            using var openApi = JsonDocument.Parse(await http.GetStringAsync(document.Url, Ct));
            Assert.True(openApi.RootElement.GetProperty("paths").EnumerateObject().Any(), $"{service} documents its paths");
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
