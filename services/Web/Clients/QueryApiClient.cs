using System.Globalization;
using Testbed.Web.Account;
using Testbed.Web.Clients.Model;

namespace Testbed.Web.Clients;

/// <summary>The Api as the front uses it: events (read, list, edit, delete with the ETag), aggregates, dataset rows and statistics, pipeline status.</summary>
public sealed class QueryApiClient(HttpClient http, SignedInUser user) : ServiceClient(http, user, "Api")
{
    /// <summary>The shards' lag and the last minute's freshness; traced under <paramref name="action"/> unless it is null (the glance's refreshes).</summary>
    public Task<StatusView> StatusAsync(string? action, CancellationToken cancellationToken) =>
        ReadAsync<StatusView>(new HttpRequestMessage(HttpMethod.Get, "/pipeline/status"), action, cancellationToken);

    /// <summary>Every API call alarm and its state.</summary>
    public Task<IReadOnlyList<AlarmView>> AlarmsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<AlarmView>>(new HttpRequestMessage(HttpMethod.Get, "/alarms"), "Read alarms", cancellationToken);

    /// <summary>One page of events of a type in a time range (null bounds are open).</summary>
    public Task<EventPageView> ListEventsAsync(string type, DateTimeOffset? from, DateTimeOffset? to, int limit, string? next, CancellationToken cancellationToken)
    {
        var query = Query(("type", type), ("from", Iso(from)), ("to", Iso(to)), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("next", next));
        return ReadAsync<EventPageView>(new HttpRequestMessage(HttpMethod.Get, "/events" + query), "List events", cancellationToken);
    }

    /// <summary>One event with its version.</summary>
    public Task<EventView> GetEventAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync<EventView>(new HttpRequestMessage(HttpMethod.Get, "/events/" + Uri.EscapeDataString(id)), "Open event", cancellationToken);

    /// <summary>Replaces the event's data and type if it is still at <paramref name="version"/>; a 412 (someone else changed it) comes as a <see cref="ProblemException"/>.</summary>
    public Task<EventView> UpdateEventAsync(string id, EventEdit edit, long version, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/events/" + Uri.EscapeDataString(id)) { Content = JsonContent.Create(edit, options: Json) };
        request.Headers.IfMatch.Add(ETag(version));
        return ReadAsync<EventView>(request, "Save event", cancellationToken);
    }

    /// <summary>Deletes the event if it is still at <paramref name="version"/>.</summary>
    public async Task DeleteEventAsync(string id, long version, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/events/" + Uri.EscapeDataString(id));
        request.Headers.IfMatch.Add(ETag(version));
        (await SendAsync(request, "Delete event", cancellationToken).ConfigureAwait(false)).Dispose();
    }

    /// <summary>The per-minute windows of a type in a time range.</summary>
    public Task<IReadOnlyList<AggregateView>> AggregatesAsync(string type, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<AggregateView>>(new HttpRequestMessage(HttpMethod.Get, "/aggregates" + Query(("type", type), ("from", Iso(from)), ("to", Iso(to)))), "Show aggregates", cancellationToken);

    /// <summary>A dataset's row by index.</summary>
    private Task<DatasetRowView> RowAsync(string dataset, long index, CancellationToken cancellationToken) =>
        ReadAsync<DatasetRowView>(new HttpRequestMessage(HttpMethod.Get, $"{Dataset(dataset)}/rows/{index.ToString(CultureInfo.InvariantCulture)}"), "Read dataset row", cancellationToken);

    /// <summary>Rows <paramref name="first"/> to first + count - 1, null where the processors have not stored a row (yet), read under one span.</summary>
    public async Task<DatasetRowView?[]> RowsAsync(string dataset, long first, int count, CancellationToken cancellationToken)
    {
        using var action = FrontActivity.Start("Read dataset rows");
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                return await RowAsync(dataset, first + i, cancellationToken).ConfigureAwait(false);
            }
            catch (ProblemException e) when (e.Problem.Status == 404)
            {
                return null;
            }
        })).ConfigureAwait(false);
    }

    /// <summary>A row chosen at random.</summary>
    public Task<DatasetRowView> RandomRowAsync(string dataset, CancellationToken cancellationToken) =>
        ReadAsync<DatasetRowView>(new HttpRequestMessage(HttpMethod.Get, $"{Dataset(dataset)}/rows/random"), "Pick a random row", cancellationToken);

    /// <summary>A column's mean or median ("mean", "median"); 422 for a column with a non-number comes as a <see cref="ProblemException"/>.</summary>
    public Task<ColumnStatisticView> StatisticAsync(string dataset, string column, string statistic, CancellationToken cancellationToken) =>
        ReadAsync<ColumnStatisticView>(new HttpRequestMessage(HttpMethod.Get, $"{Dataset(dataset)}/columns/{Uri.EscapeDataString(column)}/{statistic}"), "Column " + statistic, cancellationToken);

    /// <summary>A column's most frequent value.</summary>
    public Task<MostFrequentView> MostFrequentAsync(string dataset, string column, CancellationToken cancellationToken) =>
        ReadAsync<MostFrequentView>(new HttpRequestMessage(HttpMethod.Get, $"{Dataset(dataset)}/columns/{Uri.EscapeDataString(column)}/most-frequent"), "Column most frequent", cancellationToken);

    private static string Dataset(string name) => "/datasets/" + Uri.EscapeDataString(name);

    private static System.Net.Http.Headers.EntityTagHeaderValue ETag(long version) => new($"\"{version.ToString(CultureInfo.InvariantCulture)}\"");

    private static string? Iso(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters) =>
        "?" + string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
