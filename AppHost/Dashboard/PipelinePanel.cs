using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Telemetry;

namespace Testbed.AppHost.Dashboard;

/// <summary>The pipeline panel's numbers: events accepted per second (from the ingestion's OTLP counter) and the Api's status (freshness, lag per shard).</summary>
public sealed class PipelinePanel(DashboardSources sources, CounterRates counters)
{
    /// <summary>The ingestion's counter of events Kinesis holds.</summary>
    public const string AcceptedCounter = "testbed.ingestion.accepted";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The panel now; status is null (with the reason) while the Api cannot answer.</summary>
    public async Task<PipelineView> ReadAsync(CancellationToken cancellationToken)
    {
        var accepted = Math.Round(counters.PerSecond(AcceptedCounter, TimeSpan.FromSeconds(5)), 1);
        if (sources.PipelineStatus() is not { } url)
        {
            return new PipelineView(accepted, null, "the Api is not running");
        }

        try
        {
            var status = await Http.GetFromJsonAsync<JsonElement>(url, cancellationToken).ConfigureAwait(false);
            return new PipelineView(accepted, status, null);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new PipelineView(accepted, null, $"{url} did not answer: {error.Message}");
        }
    }
}

/// <summary>GET /api/pipeline: the accepted rate and the Api's /pipeline/status document, or why it is missing.</summary>
public sealed record PipelineView(double AcceptedPerSecond, JsonElement? Status, string? Problem);
