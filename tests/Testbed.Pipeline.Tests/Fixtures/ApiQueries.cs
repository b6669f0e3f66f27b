using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>What a user asks the Api, with bounded waits for the pipeline to catch up.</summary>
public static class ApiQueries
{
    /// <summary>Waits until GET /events/{id} answers 200 and returns the event.</summary>
    public static async Task<JsonElement> WaitForEventAsync(HttpClient api, string id, TimeSpan timeout)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await api.GetAsync($"events/{Uri.EscapeDataString(id)}");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return false;
                }

                response.EnsureSuccessStatusCode();
                found = await response.Content.ReadFromJsonAsync<JsonElement>();
                return true;
            },
            timeout,
            $"event {id} is queryable");
        return found;
    }

    /// <summary>Every event of a type, following the pages.</summary>
    public static async Task<List<JsonElement>> ListAllAsync(HttpClient api, string type)
    {
        var all = new List<JsonElement>();
        string? next = null;
        do
        {
            var url = $"events?type={Uri.EscapeDataString(type)}&limit=1000" + (next is null ? string.Empty : $"&next={Uri.EscapeDataString(next)}");
            var page = await api.GetFromJsonAsync<JsonElement>(url);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (next is not null);
        return all;
    }

    /// <summary>Waits until the Api lists exactly <paramref name="count"/> events of the type.</summary>
    public static async Task<List<JsonElement>> WaitForCountAsync(HttpClient api, string type, int count, TimeSpan timeout)
    {
        var events = new List<JsonElement>();
        // Each poll reads every event of the type; polling slower leaves the DynamoDB emulator to the processors.
        await Eventually.HoldsAsync(async () => (events = await ListAllAsync(api, type)).Count >= count, timeout, $"{count} events of type {type} are queryable", TimeSpan.FromMilliseconds(300));
        return events;
    }

    /// <summary>GET /aggregates for a type, once its windows count at least <paramref name="count"/> events: the processors write items and aggregates side by side, so the aggregates may trail the items a moment.</summary>
    public static async Task<JsonElement> AggregatesAsync(HttpClient api, string type, int count)
    {
        var windows = default(JsonElement);
        await Eventually.HoldsAsync(
            async () => (windows = await api.GetFromJsonAsync<JsonElement>($"aggregates?type={Uri.EscapeDataString(type)}")).EnumerateArray().Sum(w => w.GetProperty("count").GetInt64()) >= count,
            TimeSpan.FromSeconds(60),
            $"the aggregates of {type} count {count} events",
            TimeSpan.FromMilliseconds(300));
        return windows;
    }
}
