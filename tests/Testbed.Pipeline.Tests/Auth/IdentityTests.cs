using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Auth;

/// <summary>The local issuer answers as a Cognito user pool does: discovery, keys, client-credentials tokens with Cognito's claims, and RFC 6749 errors.</summary>
[Collection(AuthCollection.Name)]
public sealed class IdentityTests(AuthFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_names_the_issuer_the_services_use_its_keys_and_its_token_endpoint()
    {
        using var http = fixture.Stack.Anonymous("identity");

        var configuration = JsonDocument.Parse(await http.GetStringAsync(".well-known/openid-configuration", Ct)).RootElement;
        var keys = JsonDocument.Parse(await http.GetStringAsync(".well-known/jwks.json", Ct)).RootElement.GetProperty("keys");

        Assert.Equal(fixture.Mint.Issuer, configuration.GetProperty("issuer").GetString());
        Assert.Equal(fixture.Mint.Issuer + "/.well-known/jwks.json", configuration.GetProperty("jwks_uri").GetString());
        Assert.Equal(fixture.Mint.Issuer + "/oauth2/token", configuration.GetProperty("token_endpoint").GetString());
        Assert.Equal(["client_credentials"], configuration.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the key set holds no private part");
    }

    [Fact]
    public async Task A_token_has_Cognito_access_token_claims_and_the_scopes_asked_for()
    {
        using var http = fixture.Stack.Anonymous("identity");
        using var form = Form(("grant_type", "client_credentials"), ("client_id", "testbed"), ("client_secret", "testbed-local-secret"), ("scope", "events:read"));

        using var response = await http.PostAsync("oauth2/token", form, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.True(response.Headers.CacheControl?.NoStore, "token answers are not cached");
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Bearer", answer.GetProperty("token_type").GetString());
        Assert.Equal(3600, answer.GetProperty("expires_in").GetInt32());
        var token = new JsonWebToken(answer.GetProperty("access_token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(fixture.Mint.Issuer, token.Issuer);
        Assert.Empty(token.Audiences);
        Assert.Equal("testbed", token.GetClaim("client_id").Value);
        Assert.Equal("testbed", token.Subject);
        Assert.Equal("events:read", token.GetClaim("scope").Value);
        Assert.Equal("access", token.GetClaim("token_use").Value);
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
        Assert.False(string.IsNullOrEmpty(token.Id), "the token has a jti");
    }

    [Theory]
    [InlineData("wrong secret", "testbed:not-the-secret", "grant_type=client_credentials", 401, "invalid_client")]
    [InlineData("unknown client", "nobody:secret", "grant_type=client_credentials", 401, "invalid_client")]
    [InlineData("no credentials", null, "grant_type=client_credentials", 401, "invalid_client")]
    [InlineData("password grant", "testbed:testbed-local-secret", "grant_type=password&username=a&password=b", 400, "unsupported_grant_type")]
    [InlineData("no grant type", "testbed:testbed-local-secret", "scope=events:read", 400, "invalid_request")]
    [InlineData("scope the client may not have", "other-app:other-app-local-secret", "grant_type=client_credentials&scope=events:write", 400, "invalid_scope")]
    [InlineData("scope nobody has", "testbed:testbed-local-secret", "grant_type=client_credentials&scope=admin", 400, "invalid_scope")]
    public async Task A_bad_token_request_gets_the_RFC_6749_error(string name, string? basic, string form, int status, string error)
    {
        using var http = fixture.Stack.Anonymous("identity");
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token") { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        using var response = await http.SendAsync(request, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {text}");
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal(error, answer.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("error_description").GetString()), $"{name}: the error is described");
        Assert.False(answer.TryGetProperty("access_token", out _), $"{name}: no token");
        if (status == 401)
        {
            Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_request_that_is_not_a_form_is_an_invalid_request()
    {
        using var http = fixture.Stack.Anonymous("identity");

        using var response = await http.PostAsync("oauth2/token", new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_token_from_the_token_endpoint_is_accepted_by_the_Api()
    {
        var token = await LocalIssuer.TokenAsync(fixture.Stack.Identity, LocalIssuer.FullAccess, Ct);
        using var api = fixture.Stack.Anonymous("api");
        using var request = new HttpRequestMessage(HttpMethod.Get, "pipeline/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await api.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
