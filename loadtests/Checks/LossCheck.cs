using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Testbed.LoadTests.Checks;

/// <summary>After the load: waits until the pipeline has stored what was accepted, counted through the Api's per-type aggregates (exact under redelivery).</summary>
public static class LossCheck
{
    /// <summary>How long the count may stand still before the check gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Polls until the stored count reaches <paramref name="accepted"/> or stops growing for <see cref="Patience"/>; the drain time counts from
    /// <paramref name="loadEnded"/> (a Stopwatch timestamp). When events are lost, lists the accepted ids (of <paramref name="acceptedIds"/>) that are
    /// not items either, so a loss can be traced.
    /// </summary>
    public static async Task<LossResult> RunAsync(HttpClient api, string type, long accepted, IReadOnlyCollection<string> acceptedIds, long loadEnded, IProgress<string> progress, CancellationToken cancellationToken)
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
                var drain = Stopwatch.GetElapsedTime(loadEnded);
                return stored >= accepted || acceptedIds.Count == 0
                    ? new LossResult(accepted, stored, drain)
                    : await TraceAsync(new LossResult(accepted, stored, drain), api, type, acceptedIds, cancellationToken).ConfigureAwait(false);
            }

            progress.Report($"draining: {stored:N0} of {accepted:N0} accepted events stored");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    // The aggregates are short: which events are not items? (Missing items were never processed; missing counts with their items present point at the aggregates.)
    private static async Task<LossResult> TraceAsync(LossResult loss, HttpClient api, string type, IReadOnlyCollection<string> acceptedIds, CancellationToken cancellationToken)
    {
        var items = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        try
        {
            do
            {
                var page = await api.GetFromJsonAsync<JsonElement>($"events?type={Uri.EscapeDataString(type)}&limit=1000{(next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next))}", cancellationToken).ConfigureAwait(false);
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    items.Add(item.GetProperty("id").GetString()!);
                }

                next = page.TryGetProperty("next", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
            }
            while (next is not null);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or KeyNotFoundException)
        {
            return loss;
        }

        return loss with { Items = items.Count, MissingItems = [.. acceptedIds.Where(id => !items.Contains(id)).Take(10)] };
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
    /// <summary>After a loss: the run's events stored as items (null when not looked up).</summary>
    public long? Items { get; init; }

    /// <summary>After a loss: up to ten accepted ids that are not items.</summary>
    public IReadOnlyList<string> MissingItems { get; init; } = [];

    /// <summary>Accepted events that were not stored (0 when all were).</summary>
    public long Lost => Math.Max(0, Accepted - Stored);
}
