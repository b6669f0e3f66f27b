using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Testbed.Infra.Definition;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Alarms;

/// <summary>The API call alarms on a running stack: listed by the Api and shown in the dashboard; a burst of failing calls turns the 5xx alarm to ALARM and good calls back to OK, each change logged.</summary>
public sealed class AlarmTests(AlarmFixture fixture) : IClassFixture<AlarmFixture>
{
    private const string Alarm = "ingestion-5xx";
    private const string Resource = "alarm-ingestion-5xx";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failing_calls_turn_the_5xx_alarm_to_ALARM_and_good_calls_back_to_OK_in_the_Api_and_the_dashboard()
    {
        var stack = fixture.Stack;
        using var ingestion = stack.Ingestion();
        using var api = stack.Api();
        var initial = await AlarmAsync(api);
        Assert.Equal(2, initial.GetProperty("evaluatedEverySeconds").GetDouble());
        Assert.Equal(60, initial.GetProperty("periodSeconds").GetDouble());
        // Idle, no calls count as no errors: OK once the first period closed.
        await Eventually.HoldsAsync(async () => await StateAsync(api) == "OK", Bound, "ingestion-5xx is OK before the outage");

        // Kinesis down, as the dashboard's Stop on the kinesis resource does: ingestion answers 503.
        await stack.StopAsync("kinesis");
        await Eventually.HoldsAsync(
            async () =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostAsync(ingestion));
                return await StateAsync(api) == "ALARM";
            },
            Bound,
            "the Api reports ingestion-5xx in ALARM while ingestion answers 503");
        var alarmed = await stack.WaitForResourceAsync(Resource, s => s.State?.Text == "ALARM", Bound);
        var inAlarm = await AlarmAsync(api);

        await stack.StartAsync("kinesis");
        await Eventually.HoldsAsync(
            async () =>
            {
                // The first calls after the start may still find Kinesis starting: 503s of the same outage.
                await PostAsync(ingestion);
                return await StateAsync(api) == "OK";
            },
            Bound,
            "the Api reports ingestion-5xx OK again once ingestion accepts");
        var recovered = await stack.WaitForResourceAsync(Resource, s => s.State?.Text == "OK", Bound);
        var ok = await AlarmAsync(api);

        // Aspire derives a resource's health only while its state is Running: the alarm's health check report carries it instead.
        Assert.Equal(KnownResourceStateStyles.Error, alarmed.State?.Style);
        Assert.Equal(HealthStatus.Unhealthy, Assert.Single(alarmed.HealthReports).Status);
        Assert.Equal(KnownResourceStateStyles.Success, recovered.State?.Style);
        Assert.Equal(HealthStatus.Healthy, Assert.Single(recovered.HealthReports).Status);
        Assert.StartsWith("Threshold crossed", inAlarm.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Within the threshold", ok.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var transitions = ok.GetProperty("transitions").EnumerateArray()
            .Select(t => (From: t.GetProperty("from").GetString(), To: t.GetProperty("to").GetString(), At: t.GetProperty("at").GetDateTimeOffset()))
            .ToList();
        Assert.Equal(("OK", "ALARM"), (transitions[^2].From, transitions[^2].To));
        Assert.Equal(("ALARM", "OK"), (transitions[^1].From, transitions[^1].To));
        Assert.Equal(inAlarm.GetProperty("since").GetDateTimeOffset(), transitions[^2].At);
        Assert.Equal(ok.GetProperty("since").GetDateTimeOffset(), transitions[^1].At);
        Assert.Contains("warn", LevelOf(await stack.WaitForLogLineAsync("ingestion", Bound, $"Alarm {Alarm} went from OK to ALARM")), StringComparison.Ordinal);
        Assert.Contains("info", LevelOf(await stack.WaitForLogLineAsync("ingestion", Bound, $"Alarm {Alarm} went from ALARM to OK")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Api_lists_every_alarm_of_the_definition_and_the_dashboard_shows_each_as_its_service_reports_it()
    {
        var stack = fixture.Stack;
        using var api = stack.Api();

        var alarms = await api.GetFromJsonAsync<List<JsonElement>>("alarms", Ct);

        Assert.Equal(
            stack.Resources.Alarms.Select(a => (a.Name, a.Service)).Order(),
            alarms!.Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("service").GetString()!)).Order());
        Assert.All(alarms!, a => Assert.DoesNotContain("did not answer", a.GetProperty("reason").GetString(), StringComparison.Ordinal));
        foreach (var alarm in stack.Resources.Alarms)
        {
            // Idle, a p99 has no datapoint while a 5xx share or a call count takes no calls as good.
            var (state, reason) = alarm.MissingData == MissingData.Missing ? ("INSUFFICIENT_DATA", "No datapoint") : ("OK", "Within the threshold");
            await stack.WaitForResourceAsync(
                $"alarm-{alarm.Name}",
                s => s.State?.Text == state && s.Properties.Any(p => p.Name == "alarm.reason" && p.Value is string text && text.StartsWith(reason, StringComparison.Ordinal)),
                Bound);
        }
    }

    // A console line is "<timestamp> <level>: <category>[<event id>] <message>" (with colour codes): the part before the category.
    private static string LevelOf(string line) => line[..line.IndexOf("Testbed.ServiceDefaults.Alarms", StringComparison.Ordinal)];

    private static async Task<HttpStatusCode> PostAsync(HttpClient ingestion)
    {
        using var response = await ingestion.PostAsync("events", new StringContent("{\"type\":\"alarm.probe\",\"data\":{}}", Encoding.UTF8, "application/json"), Ct);
        return response.StatusCode;
    }

    private static async Task<JsonElement> AlarmAsync(HttpClient api)
    {
        var alarms = await api.GetFromJsonAsync<List<JsonElement>>("alarms", Ct);
        return Assert.Single(alarms!, a => a.GetProperty("name").GetString() == Alarm);
    }

    private static async Task<string?> StateAsync(HttpClient api) => (await AlarmAsync(api)).GetProperty("state").GetString();
}
