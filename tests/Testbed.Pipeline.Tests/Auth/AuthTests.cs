using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Auth;

/// <summary>Ingestion and the Api take only valid bearer tokens with the endpoint's scope; every refusal says why and writes nothing; health and documents stay open.</summary>
[Collection(AuthCollection.Name)]
public sealed class AuthTests(AuthFixture fixture)
{
    private const string RefusedPrefix = "auth-refused-";
    private static readonly TimeSpan StoredBound = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> RefusedTokens() => ["missing", "malformed", "expired", "signature", "audience-other-app", "audience-in-aud", "issuer", "id-token"];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_refused_token_gets_401_with_the_reason_on_every_write_and_read(string kind)
    {
        var (token, reason, saying) = await RefusedAsync(kind);
        using var ingestion = fixture.Stack.Anonymous("ingestion");
        using var api = fixture.Stack.Anonymous("api");

        using var posted = await SendAsync(ingestion, HttpMethod.Post, "events", token, Event(RefusedPrefix + kind));
        using var batch = await SendAsync(ingestion, HttpMethod.Post, "events/batch", token, Event(RefusedPrefix + kind + "-batch", array: true));
        using var dataset = await SendAsync(ingestion, HttpMethod.Post, $"datasets/{RefusedPrefix}{kind}", token, new StringContent("a\n1\n", Encoding.UTF8, "text/csv"));
        using var read = await SendAsync(api, HttpMethod.Get, "events?type=auth.test", token);
        using var edit = await SendAsync(api, HttpMethod.Put, $"events/{RefusedPrefix}{kind}", token, JsonBody("""{"data":{"edited":true}}"""));

        foreach (var response in new[] { posted, batch, dataset, read, edit })
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, kind);
            Assert.Equal(reason, problem.GetProperty("reason").GetString());
            Assert.Contains(saying, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nothing_a_refused_token_sent_is_written()
    {
        foreach (var kind in RefusedTokens())
        {
            await A_refused_token_gets_401_with_the_reason_on_every_write_and_read(kind);
        }

        // A marker sent last with a valid token: once it is stored everywhere, anything accepted before it would be too.
        var marker = UniqueName.For("auth-marker");
        using var ingestion = fixture.Stack.Ingestion();
        using var accepted = await ingestion.PostAsync("events", Event(marker), Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var api = fixture.Stack.Api();
        await ApiQueries.WaitForEventAsync(api, marker, StoredBound);
        await Eventually.HoldsAsync(async () => (await RawLake.ReadAsync(fixture.Stack)).Values.SelectMany(l => l).Any(l => l.Contains(marker, StringComparison.Ordinal)), StoredBound, "the marker's raw line is in the lake");

        var stream = await StreamContents.ReadAllAsync(fixture.Stack.Kinesis, fixture.Stack.Resources.Stream.Name);
        Assert.Contains(stream, e => e.Id == marker);
        Assert.DoesNotContain(stream, e => e.Id.StartsWith(RefusedPrefix, StringComparison.Ordinal) || (e.Dataset ?? string.Empty).StartsWith(RefusedPrefix, StringComparison.Ordinal));
        var items = await fixture.Stack.DynamoDb.ScanAsync(new ScanRequest { TableName = fixture.Stack.Resources.Items.Name, ConsistentRead = true }, Ct);
        Assert.DoesNotContain(items.Items, i => i["id"].S.Contains(RefusedPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain((await RawLake.ReadAsync(fixture.Stack)).Values.SelectMany(l => l), l => l.Contains(RefusedPrefix, StringComparison.Ordinal));
        var datasets = await fixture.Stack.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = fixture.Stack.Resources.Bucket.Name, Prefix = "datasets/" }, Ct);
        Assert.DoesNotContain(datasets.S3Objects ?? [], o => o.Key.Contains(RefusedPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_only_token_reads_but_gets_403_naming_the_scope_on_writes_edits_and_deletes()
    {
        var id = UniqueName.For("auth-read-only");
        using var writer = fixture.Stack.Ingestion();
        using var accepted = await writer.PostAsync("events", Event(id), Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var fullApi = fixture.Stack.Api();
        await ApiQueries.WaitForEventAsync(fullApi, id, StoredBound);
        // The services' own client, asking for less than it may have: how a Cognito app client gets a read-only token too.
        var reader = await LocalIssuer.TokenAsync(fixture.Stack.Identity, LocalIssuer.FullAccess, Ct, scope: "events:read");
        using var ingestion = fixture.Stack.Anonymous("ingestion");
        using var api = fixture.Stack.Anonymous("api");

        using var got = await SendAsync(api, HttpMethod.Get, $"events/{id}", reader);
        using var listed = await SendAsync(api, HttpMethod.Get, "events?type=auth.test", reader);
        using var status = await SendAsync(api, HttpMethod.Get, "pipeline/status", reader);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        using var posted = await SendAsync(ingestion, HttpMethod.Post, "events", reader, Event(id + "-again"));
        using var dataset = await SendAsync(ingestion, HttpMethod.Post, "datasets/auth-read-only", reader, new StringContent("a\n1\n", Encoding.UTF8, "text/csv"));
        using var edited = await SendAsync(api, HttpMethod.Put, $"events/{id}", reader, JsonBody("""{"data":{"edited":true}}"""));
        using var deleted = await SendAsync(api, HttpMethod.Delete, $"events/{id}", reader);
        foreach (var response in new[] { posted, dataset, edited, deleted })
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "read-only token");
            Assert.Equal("events:write", problem.GetProperty("requiredScope").GetString());
            Assert.Equal(["events:read"], problem.GetProperty("grantedScopes").EnumerateArray().Select(s => s.GetString()));
            Assert.Contains("'events:write'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        var stored = await ApiQueries.WaitForEventAsync(fullApi, id, StoredBound);
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.False(stored.GetProperty("data").TryGetProperty("edited", out _), "the refused edit changed nothing");
    }

    [Fact]
    public async Task A_Cognito_shaped_token_with_resource_server_scopes_and_no_aud_writes_and_reads()
    {
        var id = UniqueName.For("auth-cognito");
        var token = fixture.Mint.Token(scope: "testbed/events:read testbed/events:write");
        using var ingestion = fixture.Stack.Anonymous("ingestion");
        using var api = fixture.Stack.Anonymous("api");

        using var posted = await SendAsync(ingestion, HttpMethod.Post, "events", token, Event(id));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var got = await SendAsync(api, HttpMethod.Get, $"events/{id}", token);
                return got.StatusCode == HttpStatusCode.OK;
            },
            StoredBound,
            $"{id} is readable with the Cognito-shaped token");
    }

    [Theory]
    [InlineData("ingestion", "health")]
    [InlineData("ingestion", "alive")]
    [InlineData("ingestion", "openapi/v1.json")]
    [InlineData("ingestion", "scalar/")]
    [InlineData("api", "health")]
    [InlineData("api", "alive")]
    [InlineData("api", "openapi/v1.json")]
    [InlineData("api", "schemas/event-record")]
    public async Task Health_documents_and_schemas_answer_without_a_token(string service, string path)
    {
        using var http = fixture.Stack.Anonymous(service);

        using var response = await http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(string? Token, string Reason, string Saying)> RefusedAsync(string kind) => kind switch
    {
        "missing" => (null, "missing", "/oauth2/token"),
        "malformed" => ("not-a-jwt", "malformed", "not a JSON Web Token"),
        "expired" => (fixture.Mint.Token(expires: DateTimeOffset.UtcNow.AddSeconds(-45)), "expired", "expired at"),
        "signature" => (fixture.Mint.Token(foreignKey: true), "signature", "signature does not verify"),
        "audience-other-app" => (await LocalIssuer.TokenAsync(fixture.Stack.Identity, LocalIssuer.OtherApp, Ct), "audience", "client other-app"),
        "audience-in-aud" => (fixture.Mint.Token(audience: "another-api"), "audience", "'another-api'"),
        "issuer" => (fixture.Mint.Token(issuer: "http://127.0.0.1:9/not-the-issuer"), "issuer", "'http://127.0.0.1:9/not-the-issuer'"),
        "id-token" => (fixture.Mint.Token(tokenUse: "id"), "token-use", "send an access token"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{what}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static StringContent Event(string id, bool array = false)
    {
        var one = $$$"""{"type":"auth.test","id":"{{{id}}}","data":{"n":1}}""";
        return JsonBody(array ? $"[{one}]" : one);
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
