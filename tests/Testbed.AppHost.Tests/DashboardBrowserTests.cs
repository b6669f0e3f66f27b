using Microsoft.Playwright;
using Testbed.AppHost.Tests.Fixtures;
using Testbed.Testing;
using static Microsoft.Playwright.Assertions;

namespace Testbed.AppHost.Tests;

/// <summary>The dashboard in a real browser (Debian's Chromium through Playwright), as a user sees it; each page is kept as a screenshot.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardStack stack, Fixtures.Browser browser)
{
    private static readonly string[] Rows = ["kinesis", "dynamodb", "s3", "provision", "ingestion", "processor-1", "processor-2", "api"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_resources_page_lists_every_resource_as_Running()
    {
        var page = await OpenAsync("#resources");

        foreach (var name in Rows)
        {
            await Expect(State(page, name)).ToHaveTextAsync(name == "provision" ? "Finished" : "Running");
        }

        await Expect(page.Locator("tr[data-resource='api'] a[href^='http://127.0.0.1:']")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-resource='ingestion'] .health")).ToHaveTextAsync("Healthy");
        await Fixtures.Browser.ScreenshotAsync(page, "resources");
    }

    [Fact]
    public async Task The_logs_page_shows_a_services_console_and_searches_it()
    {
        var page = await OpenAsync("#logs/ingestion");

        await Expect(page.Locator("#log-lines")).ToContainTextAsync("Now listening on: http://127.0.0.1:");
        // Typed key by key: each keystroke starts a read while earlier ones are still in flight, and only the last may show.
        await page.Locator("#log-search").PressSequentiallyAsync("listening");
        await Expect(page.Locator("#log-lines .log-line")).ToHaveCountAsync(1);
        await Expect(page.Locator("#log-count")).ToHaveTextAsync("1 line");
        await Expect(page.Locator("#log-lines mark")).ToHaveTextAsync("listening");
        await Fixtures.Browser.ScreenshotAsync(page, "logs");
    }

    [Fact]
    public async Task The_trace_page_shows_a_posted_events_waterfall_across_ingestion_and_processor()
    {
        var id = await stack.PostAndAwaitEventAsync("order.created", Ct);
        var page = await OpenAsync("#traces");

        // The id also finds the test's own GET /events/{id} reads: the event's trace is the one POST /events started.
        await page.FillAsync("#trace-search", id);
        var posted = page.Locator("tr[data-trace]", new PageLocatorOptions { HasText = "POST /events" });
        await Expect(posted).ToHaveCountAsync(1);
        await Expect(posted.Locator("td", new LocatorLocatorOptions { HasText = "processor" })).ToHaveCountAsync(1);
        await Fixtures.Browser.ScreenshotAsync(page, "traces");
        await posted.ClickAsync();

        await Expect(page.Locator(".span-row[data-service='ingestion']", new PageLocatorOptions { HasText = "POST /events" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".span-row[data-service='ingestion']", new PageLocatorOptions { HasText = "Kinesis PutRecords" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".span-row[data-service='processor']", new PageLocatorOptions { HasText = "process order.created" }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".span-row[data-service='processor']", new PageLocatorOptions { HasText = "S3 PutObject" }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".span-row[data-service='processor']", new PageLocatorOptions { HasText = "DynamoDB UpdateAggregates" }).First).ToBeVisibleAsync();

        await page.Locator(".span-row", new PageLocatorOptions { HasText = "Kinesis PutRecords" }).ClickAsync();
        await Expect(page.Locator(".span-details.open")).ToContainTextAsync(id);
        await Fixtures.Browser.ScreenshotAsync(page, "trace");
    }

    [Fact]
    public async Task The_pipeline_page_shows_the_shards_and_the_freshness_of_stored_events()
    {
        await stack.PostAndAwaitEventAsync("pipeline.page", Ct);
        var page = await OpenAsync("#pipeline");

        await Expect(page.Locator("#shards tbody tr")).ToHaveCountAsync(2);
        // A figure in ms or s: how fresh the pipeline is depends on this machine's load, not on the page.
        await Expect(page.Locator("#freshness-p99")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d+)? (ms|s)$"), new LocatorAssertionsToHaveTextOptions { Timeout = 70_000 });
        await Fixtures.Browser.ScreenshotAsync(page, "pipeline");
    }

    [Fact]
    public async Task A_killed_service_shows_Restarting_then_Running_again()
    {
        var page = await OpenAsync("#resources");
        await Expect(State(page, "api")).ToHaveTextAsync("Running");
        var pid = (await stack.ResourcesAsync(Ct))["api"].GetProperty("processId").GetInt32();

        using (var api = System.Diagnostics.Process.GetProcessById(pid))
        {
            api.Kill();
        }

        await Expect(State(page, "api")).ToHaveTextAsync("Restarting", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        await Fixtures.Browser.ScreenshotAsync(page, "restarting");
        await Expect(State(page, "api")).ToHaveTextAsync("Running", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await Expect(page.Locator("tr[data-resource='api'] .pid")).Not.ToHaveTextAsync(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await stack.Api.GetAsync("health", Ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_service_stopped_from_the_dashboard_stays_stopped_until_started_again()
    {
        var page = await OpenAsync("#resources");
        await Expect(State(page, "processor-2")).ToHaveTextAsync("Running");
        var pid = (await stack.ResourcesAsync(Ct))["processor-2"].GetProperty("processId").GetInt32();

        await page.ClickAsync("tr[data-resource='processor-2'] button[data-action='stop']");
        await Expect(State(page, "processor-2")).ToHaveTextAsync("Stopped", new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
        Assert.False(ProcessProbe.IsAlive(pid), "the stopped processor's process ended");
        await Fixtures.Browser.ScreenshotAsync(page, "stopped");

        // Longer than the first restart backoff: a stopped service must not come back by itself.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await Expect(State(page, "processor-2")).ToHaveTextAsync("Stopped");

        await page.ClickAsync("tr[data-resource='processor-2'] button[data-action='start']");
        await Expect(State(page, "processor-2")).ToHaveTextAsync("Running", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        Assert.Equal(0, (await stack.ResourcesAsync(Ct))["processor-2"].GetProperty("restarts").GetInt32());
    }

    private static ILocator State(IPage page, string row) => page.Locator($"tr[data-resource='{row}'] .state");

    private async Task<IPage> OpenAsync(string view)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(stack.Dashboard, view).ToString());
        return page;
    }
}
