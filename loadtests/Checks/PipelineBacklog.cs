using System.Net.Http.Json;
using System.Text.Json;

namespace Testbed.LoadTests.Checks;

/// <summary>The records on the stream the processors have not checkpointed yet, summed over the shards of the Api's /pipeline/status.</summary>
public static class PipelineBacklog
{
    /// <summary>Reads it; null when the Api does not answer.</summary>
    public static async Task<long?> ReadAsync(HttpClient api, CancellationToken cancellationToken)
    {
        try
        {
            var status = await api.GetFromJsonAsync<JsonElement>("pipeline/status", cancellationToken).ConfigureAwait(false);
            return status.GetProperty("shards").EnumerateArray().Sum(shard => (long)shard.GetProperty("recordsBehind").GetInt32());
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
