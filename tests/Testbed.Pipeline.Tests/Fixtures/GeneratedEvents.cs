using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>Events a test generates and posts, with the counts and sums it expects the pipeline to compute.</summary>
public sealed class GeneratedEvents
{
    private readonly List<(string Id, string Window, decimal Amount, int Quantity)> _events = [];

    public GeneratedEvents(string type, int count, DateTimeOffset start, int seed = 7)
    {
        Type = type;
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            // Spread over three minutes so several windows fill.
            var time = start.AddSeconds(i * 180.0 / count);
            var amount = Math.Round((decimal)random.NextDouble() * 1000m, 2);
            _events.Add(($"{type}-{i:D5}", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture), amount, random.Next(1, 10)));
            Times.Add(time);
        }
    }

    public string Type { get; }

    public List<DateTimeOffset> Times { get; } = [];

    public IReadOnlyList<string> Ids => [.. _events.Select(e => e.Id)];

    /// <summary>The JSON objects to post, in order.</summary>
    public IEnumerable<object> Bodies() => _events.Select((e, i) => (object)new
    {
        type = Type,
        id = e.Id,
        timestamp = Times[i].ToString("O", CultureInfo.InvariantCulture),
        data = new { amount = e.Amount, quantity = e.Quantity, label = "x" },
    });

    /// <summary>Posts the events in batches of up to 500 and fails on anything but 202.</summary>
    public async Task PostAsync(HttpClient ingestion, int batchSize = 500)
    {
        foreach (var chunk in Bodies().Chunk(batchSize))
        {
            using var response = await ingestion.PostAsJsonAsync("events/batch", chunk);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    /// <summary>Checks every window the Api reports against the test's own counts and sums.</summary>
    public void AssertAggregates(JsonElement windows)
    {
        var expected = _events.GroupBy(e => e.Window).ToDictionary(g => g.Key, g => g.ToList());
        var actual = windows.EnumerateArray().ToDictionary(w => w.GetProperty("window").GetString()!);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (window, events) in expected)
        {
            var reported = actual[window];
            Assert.Equal(events.Count, reported.GetProperty("count").GetInt64());
            var amount = reported.GetProperty("fields").GetProperty("amount");
            Assert.Equal(events.Count, amount.GetProperty("count").GetInt64());
            Assert.Equal(events.Sum(e => e.Amount), amount.GetProperty("sum").GetDecimal());
            Assert.Equal(events.Min(e => e.Amount), amount.GetProperty("min").GetDecimal());
            Assert.Equal(events.Max(e => e.Amount), amount.GetProperty("max").GetDecimal());
            Assert.Equal(events.Sum(e => e.Quantity), reported.GetProperty("fields").GetProperty("quantity").GetProperty("sum").GetDecimal());
            Assert.False(reported.GetProperty("fields").TryGetProperty("label", out _), "a string field got numeric stats");
        }
    }
}
