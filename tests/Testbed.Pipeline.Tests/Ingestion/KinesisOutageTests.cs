using System.Net;
using System.Text;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Ingestion;

/// <summary>Kinesis goes down while events arrive: 503 with Retry-After, never a 202 for an event that is not stored, and once it is back every 202'd event becomes queryable.</summary>
public sealed class KinesisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_Kinesis_is_down_events_get_503_and_once_it_is_back_every_202_is_queryable()
    {
        // Emulators of its own, embedded: this test stops Kinesis alone, as the dashboard's Stop on the kinesis resource does.
        await using var stack = await PipelineStack.StartAsync(null, "outage");
        using var http = stack.Ingestion();
        using var query = stack.Api();
        var accepted = new List<string>();
        var refused = new List<string>();

        await PostAsync(http, "before", accepted, refused);
        await stack.StopAsync("kinesis");
        var during = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => PostAsync(http, $"during-{i}", accepted, refused)));
        using (var status = await query.GetAsync("pipeline/status", Ct))
        {
            // The Api cannot measure the lag without Kinesis: a 503 that says so, not a bare 500.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
            Assert.NotNull(status.Headers.RetryAfter);
            var problem = JsonDocument.Parse(await status.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal("Kinesis is unavailable.", problem.GetProperty("title").GetString());
        }

        await stack.StartAsync("kinesis");
        await Eventually.HoldsAsync(async () => await PostAsync(http, $"after-{Guid.NewGuid():N}", accepted, refused) == HttpStatusCode.Accepted, TimeSpan.FromSeconds(30), "ingestion accepts again");

        Assert.All(during, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(5, refused.Count(id => id.StartsWith("during-", StringComparison.Ordinal)));
        var stored = (await StreamContents.ReadAllAsync(stack.Kinesis, stack.Resources.Stream.Name)).Select(e => e.Id).ToHashSet();
        Assert.All(accepted, id => Assert.Contains(id, stored));
        Assert.DoesNotContain(stored, id => id.StartsWith("during-", StringComparison.Ordinal));
        foreach (var id in accepted)
        {
            await ApiQueries.WaitForEventAsync(query, id, TimeSpan.FromSeconds(60));
        }

        var outage = await ApiQueries.ListAllAsync(query, "outage");
        Assert.Equal(accepted.Order(), outage.Select(e => e.GetProperty("id").GetString()).Order());
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string id, List<string> accepted, List<string> refused)
    {
        using var response = await http.PostAsync("events", new StringContent("{\"type\":\"outage\",\"id\":\"" + id + "\",\"data\":{}}", Encoding.UTF8, "application/json"), Ct);
        lock (accepted)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add(id);
            }
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("1", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var problem = JsonDocument.Parse(response.Content.ReadAsStringAsync().Result).RootElement;
                Assert.Contains("not stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                refused.Add(id);
            }
        }

        return response.StatusCode;
    }
}
