using System.Net.Http.Json;
using System.Text.Json;

namespace Testbed.LoadTests.Checks;

/// <summary>The processor's own freshness (acceptance → stored) of the last minute, from the Api's /pipeline/status.</summary>
public sealed record PipelineFreshness(int Count, double? P50, double? P99)
{
    /// <summary>Reads it; null when the Api does not answer.</summary>
    public static async Task<PipelineFreshness?> ReadAsync(HttpClient api, CancellationToken cancellationToken)
    {
        try
        {
            var status = await api.GetFromJsonAsync<JsonElement>("pipeline/status", cancellationToken).ConfigureAwait(false);
            var freshness = status.GetProperty("freshness");
            return new PipelineFreshness(
                freshness.GetProperty("count").GetInt32(),
                Number(freshness.GetProperty("p50Milliseconds")),
                Number(freshness.GetProperty("p99Milliseconds")));
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
