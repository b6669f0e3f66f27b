using System.Net.Http.Json;
using System.Text.Json;

namespace Testbed.LoadTests.Checks;

/// <summary>What the Api's /pipeline/status says of the processors: the records on the stream not checkpointed yet, summed over the shards, and their own freshness.</summary>
public sealed record PipelineStatus(long RecordsBehind, PipelineFreshness Freshness)
{
    /// <summary>Reads it; null when the Api does not answer or answers something else.</summary>
    public static async Task<PipelineStatus?> ReadAsync(HttpClient api, CancellationToken cancellationToken)
    {
        try
        {
            var status = await api.GetFromJsonAsync<JsonElement>("pipeline/status", cancellationToken).ConfigureAwait(false);
            var freshness = status.GetProperty("freshness");
            return new PipelineStatus(
                status.GetProperty("shards").EnumerateArray().Sum(shard => (long)shard.GetProperty("recordsBehind").GetInt32()),
                new PipelineFreshness(freshness.GetProperty("count").GetInt32(), Number(freshness.GetProperty("p50Milliseconds")), Number(freshness.GetProperty("p99Milliseconds"))));
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
