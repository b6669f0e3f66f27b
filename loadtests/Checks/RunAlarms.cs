using System.Net.Http.Json;
using System.Text.Json;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.LoadTests.Checks;

/// <summary>An API call alarm that went to ALARM during a run: when and why, and its state when the run ended.</summary>
/// <param name="Name">The alarm's name (ingestion-5xx, api-p99-latency, …).</param>
/// <param name="Service">The service whose calls it watches.</param>
/// <param name="StateAtEnd">Its state when the report was written.</param>
/// <param name="Raised">Its changes to ALARM decided on the load's calls alone (every period evaluated began after the load did), oldest first.</param>
/// <param name="RaisedBeforeLoad">Its changes to ALARM since the load began that were decided partly on calls made before it (the stack's first calls, priming), oldest first.</param>
public sealed record RaisedAlarm(string Name, string Service, AlarmState StateAtEnd, IReadOnlyList<AlarmTransition> Raised, IReadOnlyList<AlarmTransition> RaisedBeforeLoad)
{
    /// <summary>Whether the load set it off, or it is in ALARM at the end of the run.</summary>
    public bool ByLoad => Raised.Count > 0 || StateAtEnd == AlarmState.Alarm;
}

/// <summary>Which of the pipeline's API call alarms the load set off, from the Api's GET /alarms (its own alarms and the ingestion's): what a user would see in CloudWatch at this load.</summary>
public static class RunAlarms
{
    /// <summary>Reads the alarms after the load; null when the Api does not answer or answers something else.</summary>
    public static async Task<IReadOnlyList<RaisedAlarm>?> ReadAsync(HttpClient api, DateTimeOffset loadStarted, CancellationToken cancellationToken)
    {
        try
        {
            var alarms = await api.GetFromJsonAsync<List<AlarmStatus>>("alarms", cancellationToken).ConfigureAwait(false);
            return alarms is null ? null : Raised(alarms, loadStarted);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The alarms that went to ALARM at or after <paramref name="loadStarted"/>, or are in ALARM now.</summary>
    public static IReadOnlyList<RaisedAlarm> Raised(IEnumerable<AlarmStatus> alarms, DateTimeOffset loadStarted) =>
        [.. alarms
            .Select(a =>
            {
                // A period is evaluated after it ends: the first one evaluated during the load may hold calls from before it.
                var raised = a.Transitions.Where(t => t.To == AlarmState.Alarm && t.At >= loadStarted).OrderBy(t => t.At).ToList();
                return new RaisedAlarm(a.Name, a.Service, a.State, [.. raised.Where(t => t.EvaluatedFrom >= loadStarted)], [.. raised.Where(t => t.EvaluatedFrom < loadStarted)]);
            })
            .Where(a => a.ByLoad || a.RaisedBeforeLoad.Count > 0)];
}
