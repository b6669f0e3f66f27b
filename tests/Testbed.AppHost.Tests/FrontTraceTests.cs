using System.Net;
using System.Text;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Testbed.AppHost.Tests.Fixtures;
using Testbed.Testing;
using Testbed.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Testbed.AppHost.Tests;

/// <summary>A person's action in the web front is one trace on the dashboard, from the front's span through the Api's request.</summary>
[Collection(TestbedAppCollection.Name)]
public sealed class FrontTraceTests(TestbedApp testbed)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_an_event_in_the_front_is_a_trace_from_the_web_through_the_api()
    {
        var id = UniqueName.For("front-trace");
        using (var ingestion = testbed.Client("ingestion"))
        using (var posted = await ingestion.PostAsync("events", new StringContent($$$"""{"type":"front.trace","id":"{{{id}}}","data":{"amount":1}}""", Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        using (var api = testbed.Client("api"))
        {
            await Eventually.HoldsAsync(async () => (await api.GetAsync($"events/{id}", Ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"{id} is queryable");
        }

        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.SignedInAsync(testbed.App.GetEndpoint("web", "http"), Viewports.Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/events/{id}");
        await page.GetByLabel("Data (a JSON object)").FillAsync("""{"amount":2}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        using var dashboard = testbed.Dashboard();
        IReadOnlyList<(string Service, string Name)> spans = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                var traceId = await TraceSpans.TraceOfSpanAsync(dashboard, "web", "Save event", Ct);
                spans = traceId is null ? [] : await TraceSpans.ReadAsync(dashboard, traceId, Ct);
                return spans.Contains(("web", "Save event")) && spans.Any(s => s.Service == "web" && s.Name == "PUT")
                    && spans.Contains(("api", "PUT /events/{id}"));
            },
            TimeSpan.FromSeconds(60),
            "the dashboard holds the front's Save event trace with the Api's PUT /events/{id}");
    }
}
