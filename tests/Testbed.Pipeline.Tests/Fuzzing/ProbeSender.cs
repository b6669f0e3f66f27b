using System.Net.Http.Headers;
using System.Text.Json;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Sends a probe and checks the answer: never a 5xx, a status the probe allows, and every refusal a problem naming the field.</summary>
public static class ProbeSender
{
    private const int ShownAnswerChars = 600;

    /// <summary>Sends the probe, asserts on the answer, and notes in the ledger what a 2xx answer accepted.</summary>
    public static async Task SendAsync(HttpClient http, Probe probe, AcceptedLedger ledger)
    {
        using var request = new HttpRequestMessage(probe.Method, new Uri(probe.Url, UriKind.Relative));
        if (probe.Body is not null)
        {
            request.Content = new ByteArrayContent(probe.Body);
        }

        if (probe.ContentType is not null)
        {
            request.Content ??= new ByteArrayContent([]);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.ContentType);
        }

        foreach (var (name, value) in probe.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var shown = $"{status} {response.Content.Headers.ContentType}: {(text.Length > ShownAnswerChars ? text[..ShownAnswerChars] + "…" : text)}";
        Assert.True(status < 500, $"A 5xx answer: {shown}");
        Assert.True(probe.Expect.Statuses.Contains(status), $"Expected {string.Join('/', probe.Expect.Statuses)}, got {shown}");
        if (status is >= 200 and < 300)
        {
            ledger.Record(probe, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
            return;
        }

        AssertProblem(probe.Expect, status, response.Content.Headers.ContentType, text, shown);
    }

    private static void AssertProblem(Expect expect, int status, MediaTypeHeaderValue? contentType, string text, string shown)
    {
        Assert.True(contentType?.MediaType == "application/problem+json", $"Not problem details: {shown}");
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement;
        Assert.True(problem.TryGetProperty("status", out var said) && said.GetInt32() == status, $"The problem's status is not the answer's: {shown}");
        var messages = new List<string>();
        if (status == 400)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any(), $"A 400 without errors naming a field: {shown}");
            if (expect.Field is not null)
            {
                Assert.True(errors.TryGetProperty(expect.Field, out var named), $"The errors do not name '{expect.Field}': {shown}");
                messages.AddRange(named.EnumerateArray().Select(m => m.GetString() ?? string.Empty));
            }
        }
        else if (status is 412 or 413 or 415 or 422)
        {
            Assert.True(problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String, $"A refusal without a detail: {shown}");
            messages.Add(detail.GetString()!);
            if (expect.Field is not null)
            {
                Assert.True(problem.TryGetProperty("field", out var field) && field.GetString() == expect.Field, $"The problem does not name '{expect.Field}': {shown}");
            }
        }

        if (expect.Message is not null)
        {
            Assert.True(messages.Any(m => m.Contains(expect.Message, StringComparison.Ordinal)), $"No message says '{expect.Message}': {shown}");
        }
    }
}
