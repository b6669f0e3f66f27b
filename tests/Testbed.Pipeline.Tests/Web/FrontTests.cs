using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Testbed.Pipeline.Tests.Web;

/// <summary>The web front in Chromium, driven as a person would: sign in, browse, edit (and meet a conflict), delete, chart, upload; screenshots kept under artifacts/screenshots.</summary>
public sealed class FrontTests(FrontFixture front) : IClassFixture<FrontFixture>
{
    private static readonly TimeSpan Stored = TimeSpan.FromSeconds(60);

    static FrontTests() => SetDefaultExpectTimeout(30_000);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_leads_to_the_pipeline_with_freshness_and_lag_at_a_glance()
    {
        foreach (var (viewport, name) in new[] { (Viewports.Laptop, "pipeline"), (Viewports.Phone, "pipeline-phone") })
        {
            await using var context = await front.SignedInAsync(viewport);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pipeline", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("shards").Locator("tbody tr")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("glance")).ToContainTextAsync("Freshness p50");
            await Expect(page.GetByTestId("alarms").Locator("tr[data-alarm='ingestion-5xx']")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("OK|INSUFFICIENT_DATA|ALARM"));
            await Expect(page.GetByTestId("records-behind")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,]+$"));
            await Screenshots.TakeAsync(page, name);
        }
    }

    [Fact]
    public async Task Events_of_a_type_are_listed_page_by_page_and_one_opens()
    {
        var type = $"front.list.{Guid.NewGuid():N}"[..24];
        var ids = await PostAsync(type, Enumerable.Range(0, 12).Select(i => ((DateTimeOffset?)null, $$"""{"n":{{i}}}""")).ToList());
        using (var api = front.Stack.Api())
        {
            await ApiQueries.WaitForCountAsync(api, type, ids.Count, Stored);
        }

        await using var context = await front.SignedInAsync(Viewports.Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/events");
        await page.GetByLabel("Type").FillAsync(type);
        await page.GetByLabel("Per page").SelectOptionAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();

        var rows = page.GetByTestId("events").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(10);
        var seen = await rows.Locator("td:first-child").AllInnerTextsAsync();
        await Screenshots.TakeAsync(page, "events");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByText("Page 2:")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(2);
        seen = [.. seen, .. await rows.Locator("td:first-child").AllInnerTextsAsync()];
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = seen[^1] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Event {seen[^1]}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_and_the_current_version_and_overwrites_nothing_then_the_event_is_deleted()
    {
        var type = $"front.edit.{Guid.NewGuid():N}"[..24];
        var id = (await PostAsync(type, [(null, """{"amount":1}""")])).Single();
        using var api = front.Stack.Api();
        await ApiQueries.WaitForEventAsync(api, id, Stored);

        await using var context = await front.SignedInAsync(Viewports.Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/events/{id}");
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("1");
        await page.GetByLabel("Data (a JSON object)").FillAsync("""{"amount":2}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToContainTextAsync("Saved as version 2");
        Assert.Equal(2, (await StoredAsync(api, id)).GetProperty("data").GetProperty("amount").GetInt32());

        // Someone else edits version 2 while the page still shows it.
        using (var other = new HttpRequestMessage(HttpMethod.Put, $"events/{id}") { Content = JsonContent.Create(new { data = new { amount = 99 } }) })
        {
            other.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"2\""));
            using var answer = await api.SendAsync(other, Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await page.GetByLabel("Data (a JSON object)").FillAsync("""{"amount":5}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var conflict = page.GetByTestId("conflict");
        await Expect(conflict).ToContainTextAsync("You edited version 2; it is now at version 3");
        await Expect(page.GetByTestId("current-data")).ToContainTextAsync("99");
        await Screenshots.TakeAsync(page, "event-conflict");
        var stored = await StoredAsync(api, id);
        Assert.Equal(99, stored.GetProperty("data").GetProperty("amount").GetInt32());
        Assert.Equal(3, stored.GetProperty("version").GetInt64());

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the current version" }).ClickAsync();
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("3");
        await Expect(page.GetByLabel("Data (a JSON object)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("99"));
        await page.GetByLabel("Data (a JSON object)").FillAsync("""{"amount":7}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToContainTextAsync("Saved as version 4");
        Assert.Equal(7, (await StoredAsync(api, id)).GetProperty("data").GetProperty("amount").GetInt32());

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(page.GetByTestId("deleted")).ToBeVisibleAsync();
        using var gone = await api.GetAsync($"events/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Aggregates_show_as_a_chart_of_events_per_minute_with_quiet_minutes_as_zero()
    {
        var type = $"front.agg.{Guid.NewGuid():N}"[..24];
        var minute = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var events = new List<(DateTimeOffset?, string)>();
        for (var m = 0; m < 3; m++)
        {
            // Minutes 10:00, 10:01 and 10:03: the quiet 10:02 is drawn as a bar of 0.
            events.AddRange(Enumerable.Repeat<(DateTimeOffset?, string)>((minute.AddMinutes(m == 2 ? 3 : m).AddSeconds(5), """{"amount":10}"""), m + 1));
        }

        await PostAsync(type, events);
        using (var api = front.Stack.Api())
        {
            await ApiQueries.AggregatesAsync(api, type, events.Count);
        }

        await using var context = await front.SignedInAsync(Viewports.Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/aggregates");
        await page.GetByLabel("Type").FillAsync(type);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show aggregates" }).ClickAsync();

        await Expect(page.GetByTestId("chart").Locator("rect.bar")).ToHaveCountAsync(4);
        var counts = await page.GetByTestId("aggregates").Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["1", "2", "3"], counts);
        await Expect(page.GetByTestId("chart").Locator("rect.bar title").Nth(2)).ToHaveTextAsync("10:02: 0");
        await Expect(page.GetByTestId("chart").Locator("rect.bar title").Nth(3)).ToHaveTextAsync("10:03: 3");
        await Screenshots.TakeAsync(page, "aggregates");
        await page.SetViewportSizeAsync(Viewports.Phone.Width, Viewports.Phone.Height);
        await Screenshots.TakeAsync(page, "aggregates-phone");
    }

    [Fact]
    public async Task The_READMEs_dataset_uploads_and_shows_rows_and_column_statistics_with_the_reason_for_a_text_column()
    {
        var name = $"sales-{Guid.NewGuid():N}"[..14];
        foreach (var (viewport, suffix) in new[] { (Viewports.Laptop, string.Empty), (Viewports.Phone, "-phone") })
        {
            await using var context = await front.SignedInAsync(viewport);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/datasets");
            await ChooseFileAsync(page, new FilePayload { Name = "sales.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("city,amount\nOslo,12.5\nLima,7\nOslo,3\n") });
            await page.GetByLabel("Name").First.FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            await Expect(page.GetByTestId("uploaded")).ToContainTextAsync("3 row(s) on the stream");
            await page.GetByRole(AriaRole.Link, new() { Name = "See its rows and column statistics" }).ClickAsync();

            var amount = page.GetByTestId("statistics").Locator("tr[data-column='amount']");
            var city = page.GetByTestId("statistics").Locator("tr[data-column='city']");
            await Expect(amount.Locator("td").Nth(1)).ToHaveTextAsync("7.5 (of 3)");
            await Expect(amount.Locator("td").Nth(2)).ToHaveTextAsync("7 (of 3)");
            await Expect(city.Locator("td").Nth(3)).ToHaveTextAsync("\"Oslo\" (2 of 3 rows)");
            // A text column has no mean: the Api's 422 reason is shown in place of a number.
            await Expect(city.Locator("td").Nth(1)).ToContainTextAsync("is not numeric");
            if (viewport == Viewports.Laptop)
            {
                // The reason wraps in its cell: the most frequent value stays in sight beside it.
                await Expect(city.Locator("td").Nth(3)).ToBeInViewportAsync();
            }

            await Expect(page.GetByTestId("rows").Locator("tbody tr").First).ToContainTextAsync("\"city\":\"Oslo\"");
            // The page ends at the last stored row once the rows have arrived.
            await Expect(page.GetByTestId("rows").Locator("tbody tr")).ToHaveCountAsync(3);
            await page.GetByRole(AriaRole.Button, new() { Name = "Pick a random row" }).ClickAsync();
            await Expect(page.GetByTestId("random-row")).ToContainTextAsync("Row ");
            await Screenshots.TakeAsync(page, "dataset" + suffix);
        }
    }

    [Fact]
    public async Task A_read_only_person_sees_why_an_edit_is_refused_and_nothing_changes()
    {
        var type = $"front.ro.{Guid.NewGuid():N}"[..24];
        var id = (await PostAsync(type, [(null, """{"amount":1}""")])).Single();
        using var api = front.Stack.Api();
        await ApiQueries.WaitForEventAsync(api, id, Stored);

        await using var context = await front.SignedInAsync(Viewports.Laptop, readOnly: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/events/{id}");
        await Expect(page.GetByTestId("version")).ToHaveTextAsync("1");
        await page.GetByLabel("Data (a JSON object)").FillAsync("""{"amount":2}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Not allowed.");
        await Expect(alert).ToContainTextAsync("events:write");
        await Screenshots.TakeAsync(page, "event-read-only");
        var stored = await StoredAsync(api, id);
        Assert.Equal(1, stored.GetProperty("data").GetProperty("amount").GetInt32());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_upload_while_Kinesis_is_down_shows_the_ingestions_reason()
    {
        await using var context = await front.SignedInAsync(Viewports.Laptop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/datasets");
        await ChooseFileAsync(page, new FilePayload { Name = "outage.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("city,amount\nOslo,1\n") });

        await front.Stack.StopAsync("kinesis");
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
            var alert = page.GetByRole(AriaRole.Alert);
            // Ingestion answers once its Kinesis client gives up, which can take the client's attempt timeout (30 s) and its retries.
            await Expect(alert).ToContainTextAsync("The pipeline is unavailable.", new() { Timeout = 90_000 });
            await Expect(alert).ToContainTextAsync("not stored");
            await Screenshots.TakeAsync(page, "dataset-kinesis-down");
        }
        finally
        {
            // The other tests share the stack: Kinesis comes back whatever happened.
            await front.Stack.StartAsync("kinesis");
        }
    }

    // Blazor's InputFile listens for the choice only once its script has started, a moment after the page shows it: a file chosen
    // before then is not seen (the Upload button stays disabled), so the test chooses again, as a person would, until it is.
    private static async Task ChooseFileAsync(IPage page, FilePayload file)
    {
        var upload = page.GetByRole(AriaRole.Button, new() { Name = "Upload" });
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("file").SetInputFilesAsync(file);
            try
            {
                await Expect(upload).ToBeEnabledAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 10)
            {
            }
        }
    }

    private async Task<List<string>> PostAsync(string type, IReadOnlyList<(DateTimeOffset? Timestamp, string Data)> events)
    {
        using var ingestion = front.Stack.Ingestion();
        var ids = new List<string>();
        foreach (var (timestamp, data) in events)
        {
            var id = Guid.NewGuid().ToString("N");
            var time = timestamp is { } t ? $",\"timestamp\":\"{t.ToString("O", CultureInfo.InvariantCulture)}\"" : string.Empty;
            using var response = await ingestion.PostAsync("events", new StringContent($$"""{"id":"{{id}}","type":"{{type}}","data":{{data}}{{time}}}""", Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task<JsonElement> StoredAsync(HttpClient api, string id) =>
        await api.GetFromJsonAsync<JsonElement>($"events/{id}", Ct);
}
