using System.Text.Json;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>Reads one trace's spans from the Aspire dashboard's telemetry API (OTLP JSON), as (service, span name) pairs.</summary>
public static class TraceSpans
{
    /// <summary>The spans the dashboard holds for the trace; empty until it has any.</summary>
    public static async Task<IReadOnlyList<(string Service, string Name)>> ReadAsync(HttpClient dashboard, string traceId, CancellationToken cancellationToken)
    {
        using var response = await dashboard.GetAsync($"api/telemetry/traces/{traceId}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var spans = new List<(string, string)>();
        foreach (var resourceSpans in Find(document.RootElement, "resourceSpans"))
        {
            var service = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                .FirstOrDefault() ?? "";
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                spans.AddRange(scope.GetProperty("spans").EnumerateArray().Select(s => (service, s.GetProperty("name").GetString() ?? "")));
            }
        }

        return spans;
    }

    /// <summary>The trace id of the newest span the dashboard holds from <paramref name="resource"/> with the given name, or null.</summary>
    public static async Task<string?> TraceOfSpanAsync(HttpClient dashboard, string resource, string spanName, CancellationToken cancellationToken)
    {
        using var response = await dashboard.GetAsync($"api/telemetry/spans?resource={Uri.EscapeDataString(resource)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return Find(document.RootElement, "spans")
            .Where(s => s.GetProperty("name").GetString() == spanName)
            .Select(s => s.GetProperty("traceId").GetString())
            .LastOrDefault();
    }

    // The API wraps the OTLP document ({"data":{"resourceSpans":[…]}}); the array is found wherever it sits.
    private static IEnumerable<JsonElement> Find(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        yield return item;
                    }
                }
                else
                {
                    foreach (var inner in Find(property.Value, name))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Find(item, name))
                {
                    yield return inner;
                }
            }
        }
    }
}
