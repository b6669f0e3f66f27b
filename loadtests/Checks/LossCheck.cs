using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Testbed.LoadTests.Checks;

/// <summary>After the load: waits until the pipeline has stored what was accepted, counted through the Api's per-type aggregates (exact under redelivery).</summary>
public static class LossCheck
{
    /// <summary>How long the count may stand still before the check gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls until the stored count reaches <paramref name="accepted"/> or stops growing for <see cref="Patience"/>; the drain time counts from <paramref name="loadEnded"/> (a Stopwatch timestamp).</summary>
    public static async Task<LossResult> RunAsync(HttpClient api, string type, long accepted, long loadEnded, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var stored = -1L;
        var lastChange = Stopwatch.StartNew();
        while (true)
        {
            var now = await StoredAsync(api, type, cancellationToken).ConfigureAwait(false);
            if (now != stored)
            {
                stored = now;
                lastChange.Restart();
            }

            if (stored >= accepted || lastChange.Elapsed > Patience)
            {
                return new LossResult(accepted, stored, Stopwatch.GetElapsedTime(loadEnded));
            }

            progress.Report($"draining: {stored:N0} of {accepted:N0} accepted events stored");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> StoredAsync(HttpClient api, string type, CancellationToken cancellationToken)
    {
        try
        {
            var windows = await api.GetFromJsonAsync<JsonElement[]>($"aggregates?type={Uri.EscapeDataString(type)}", cancellationToken).ConfigureAwait(false);
            return windows?.Sum(w => w.GetProperty("count").GetInt64()) ?? 0;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}

/// <summary>Accepted versus stored events, and how long the pipeline took to catch up after the load.</summary>
public sealed record LossResult(long Accepted, long Stored, TimeSpan Drain)
{
    /// <summary>Accepted events that were not stored (0 when all were).</summary>
    public long Lost => Math.Max(0, Accepted - Stored);
}
