using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>Editing and deleting stored events through the Api with optimistic concurrency (ETag / If-Match).</summary>
public sealed class EditTests(AwsEnvironmentFixture aws)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_with_a_stale_ETag_is_refused_with_412_and_changes_nothing()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "edit");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        using var posted = await ingest.PostAsync("events", new StringContent("""{"type":"note","id":"note-1","data":{"text":"first"}}""", Encoding.UTF8, "application/json"), Ct);
        await ApiQueries.WaitForEventAsync(query, "note-1", TimeSpan.FromSeconds(60));
        using var read = await query.GetAsync("events/note-1", Ct);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        using var first = await PutAsync(query, "note-1", """{"data":{"text":"second"}}""", "\"1\"");
        using var stale = await PutAsync(query, "note-1", """{"data":{"text":"lost update"}}""", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("If-Match", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        var current = await query.GetFromJsonAsync<JsonElement>("events/note-1", Ct);
        Assert.Equal("second", current.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt64());

        using var staleDelete = await SendAsync(query, HttpMethod.Delete, "events/note-1", null, "\"1\"");
        using var delete = await SendAsync(query, HttpMethod.Delete, "events/note-1", null, "\"2\"");
        using var gone = await query.GetAsync("events/note-1", Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using var missing = await PutAsync(query, "no-such-event", """{"data":{}}""", null);
        using var invalid = await PutAsync(query, "note-1", """{"data":[1]}""", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, string id, string body, string? etag) =>
        SendAsync(api, HttpMethod.Put, $"events/{id}", body, etag);

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string path, string? body, string? etag)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return api.SendAsync(request, Ct);
    }
}
