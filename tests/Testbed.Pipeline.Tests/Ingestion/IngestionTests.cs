using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;

namespace Testbed.Pipeline.Tests.Ingestion;

/// <summary>POST /events and /events/batch over real HTTP: the 202 comes only once the record is on the Kinesis stream.</summary>
public sealed class IngestionTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_posted_event_is_on_the_stream_with_its_data_id_acceptedAt_and_traceparent()
    {
        using var http = fixture.Stack.Ingestion();
        var before = DateTimeOffset.UtcNow;

        using var response = await http.PostAsync("events", Json("""{"type":"order.created","id":"order-42","timestamp":"2026-11-22T09:59:58.5+01:00","data":{"amount":12.5,"sku":"A-1"}}"""), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("order-42", answer.GetProperty("id").GetString());
        Assert.StartsWith("shardId-", answer.GetProperty("shardId").GetString(), StringComparison.Ordinal);

        var stored = (await StreamContents.ReadAllAsync(fixture.Stack.Kinesis, fixture.Stack.Resources.Stream.Name)).Single(e => e.Id == "order-42");
        Assert.Equal("order.created", stored.Type);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T08:59:58.5Z", System.Globalization.CultureInfo.InvariantCulture), stored.Timestamp);
        Assert.Equal(12.5, stored.Data.GetProperty("amount").GetDouble());
        Assert.Equal("A-1", stored.Data.GetProperty("sku").GetString());
        Assert.InRange(stored.AcceptedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", stored.TraceParent);
    }

    [Fact]
    public async Task An_event_without_id_gets_a_new_one()
    {
        using var http = fixture.Stack.Ingestion();

        using var response = await http.PostAsync("events", Json("""{"type":"click","data":{}}"""), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Contains(await StreamContents.ReadAllAsync(fixture.Stack.Kinesis, fixture.Stack.Resources.Stream.Name), e => e.Id == id && e.Type == "click");
    }

    [Fact]
    public async Task A_batch_of_500_as_a_JSON_array_is_on_the_stream_in_full()
    {
        using var http = fixture.Stack.Ingestion();
        var marker = Guid.NewGuid().ToString("N");
        var events = Enumerable.Range(0, 500).Select(i => new { type = "batch-array", id = $"{marker}-{i}", data = new { i } });

        using var response = await http.PostAsJsonAsync("events/batch", events, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(500, answer.GetProperty("accepted").GetInt32());
        var stored = (await StreamContents.ReadAllAsync(fixture.Stack.Kinesis, fixture.Stack.Resources.Stream.Name)).Where(e => e.Id.StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Order(), stored.Select(e => e.Data.GetProperty("i").GetInt32()).Order());
    }

    [Fact]
    public async Task A_batch_as_NDJSON_is_accepted_line_by_line()
    {
        using var http = fixture.Stack.Ingestion();
        var marker = Guid.NewGuid().ToString("N");
        var ndjson = string.Join('\n', Enumerable.Range(0, 3).Select(i => $"{{\"type\":\"nd\",\"id\":\"{marker}-{i}\",\"data\":{{\"i\":{i}}}}}")) + "\n\n";

        using var response = await http.PostAsync("events/batch", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal([$"{marker}-0", $"{marker}-1", $"{marker}-2"], ids);
        Assert.Equal(3, (await StreamContents.ReadAllAsync(fixture.Stack.Kinesis, fixture.Stack.Resources.Stream.Name)).Count(e => e.Id.StartsWith(marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_event_sent_chunked_without_a_length_is_on_the_stream()
    {
        using var http = fixture.Stack.Ingestion();
        var id = $"chunked-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "events") { Content = Json($$$"""{"type":"chunked","id":"{{{id}}}","data":{"n":1}}""") };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = (await StreamContents.ReadAllAsync(fixture.Stack.Kinesis, fixture.Stack.Resources.Stream.Name)).Single(e => e.Id == id);
        Assert.Equal(1, stored.Data.GetProperty("n").GetInt32());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
