using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Testbed.Web.Account;

namespace Testbed.Web.Clients;

/// <summary>What the Api's and the ingestion's clients share: the person's token on every call, and failures turned into <see cref="ProblemException"/>.</summary>
public abstract class ServiceClient(HttpClient http, SignedInUser user, string serviceName)
{
    /// <summary>JSON as the services write it (camelCase).</summary>
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends the request with the person's token under a span named for the person's <paramref name="action"/>; throws <see cref="ProblemException"/> unless the answer is a success.</summary>
    /// <param name="request">The call.</param>
    /// <param name="action">What the person did, such as "Save event"; null for background refreshes, which start no trace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        using var activity = FrontActivity.Start(action);
        if (await user.AccessTokenAsync().ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ProblemException(new Problem(0, $"The {serviceName} cannot be reached.", e.Message, new Dictionary<string, string[]>()));
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
            activity?.SetStatus(ActivityStatusCode.Error, $"{problem.Status} {problem.Title}");
            throw new ProblemException(problem);
        }
    }

    /// <summary>Sends the request (and disposes it) as <see cref="SendAsync"/> does, and reads the answer's JSON body.</summary>
    protected async Task<T> ReadAsync<T>(HttpRequestMessage request, string? action, CancellationToken cancellationToken)
    {
        using var sent = request;
        using var response = await SendAsync(request, action, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new ProblemException(new Problem((int)response.StatusCode, $"The {serviceName} answered an empty body.", null, new Dictionary<string, string[]>()));
    }

    private async Task<Problem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var fallback = $"The {serviceName} answered {status} {response.ReasonPhrase}.";
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Problem(status, fallback, body, new Dictionary<string, string[]>());
            }

            var errors = new Dictionary<string, string[]>();
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                        : [field.Value.ToString()];
                }
            }

            return new Problem(status, Text(root, "title") ?? fallback, Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new Problem(status, fallback, string.IsNullOrWhiteSpace(body) ? null : body, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
