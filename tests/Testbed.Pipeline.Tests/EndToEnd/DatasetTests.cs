using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Testbed.Aws.S3;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>A dataset file uploaded to ingestion: the raw file in S3, every row queryable, and statistics equal to the test's own.</summary>
public sealed class DatasetTests(AwsEnvironmentFixture aws)
{
    private const int Rows = 3000;
    private static readonly string[] Cities = ["Lyon", "Paris, FR", "Oslo", "Quito \"Q\"", "Lima"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_CSV_of_3000_rows_gives_rows_by_index_and_mean_median_and_most_frequent_value_as_computed_here()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "dataset");
        using var ingest = stack.Ingestion();
        using var query = stack.Api();
        var (csv, amounts, cities) = Generate();
        var name = "sales-" + Guid.NewGuid().ToString("N")[..8];

        using var upload = await ingest.PostAsync($"datasets/{name}", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var answer = await upload.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(Rows, answer.GetProperty("rows").GetInt32());
        Assert.Equal(["id", "city", "amount", "note"], answer.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([5L, 1002L], rejected.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Contains("the header has 4", rejected[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        var raw = await stack.S3.GetBytesAsync(stack.Resources.Bucket.Name, answer.GetProperty("objectKey").GetString()!, Ct);
        Assert.Equal(Encoding.UTF8.GetBytes(csv), raw);

        // Wait on the cheap status (nothing left behind on any shard), not on the statistics: each of those
        // reads the whole dataset, and polling them would starve the single-threaded DynamoDB emulator.
        await Eventually.HoldsAsync(
            async () =>
            {
                var status = await query.GetFromJsonAsync<JsonElement>("pipeline/status", Ct);
                return status.GetProperty("shards").EnumerateArray().All(s => s.GetProperty("recordsBehind").GetInt32() == 0 && s.GetProperty("checkpoint").GetString() != "TRIM_HORIZON");
            },
            TimeSpan.FromSeconds(90),
            "the processor has caught up with every row");

        var mean = await query.GetFromJsonAsync<JsonElement>($"datasets/{name}/columns/amount/mean", Ct);
        Assert.Equal(Rows, mean.GetProperty("count").GetInt32());
        Assert.Equal(amounts.Sum() / amounts.Count, mean.GetProperty("value").GetDecimal());
        var sorted = amounts.Order().ToList();
        var median = await query.GetFromJsonAsync<JsonElement>($"datasets/{name}/columns/amount/median", Ct);
        Assert.Equal((sorted[(Rows / 2) - 1] + sorted[Rows / 2]) / 2, median.GetProperty("value").GetDecimal());
        var frequent = await query.GetFromJsonAsync<JsonElement>($"datasets/{name}/columns/city/most-frequent", Ct);
        var expectedCity = cities.GroupBy(c => c).OrderByDescending(g => g.Count()).First();
        Assert.Equal(expectedCity.Key, frequent.GetProperty("value").GetString());
        Assert.Equal(expectedCity.Count(), frequent.GetProperty("count").GetInt32());

        foreach (var index in new[] { 0, 1234, Rows - 1 })
        {
            var row = await query.GetFromJsonAsync<JsonElement>($"datasets/{name}/rows/{index}", Ct);
            Assert.Equal(index, row.GetProperty("data").GetProperty("id").GetInt32());
            Assert.Equal(cities[index], row.GetProperty("data").GetProperty("city").GetString());
            Assert.Equal(amounts[index], row.GetProperty("data").GetProperty("amount").GetDecimal());
        }

        var random = await query.GetFromJsonAsync<JsonElement>($"datasets/{name}/rows/random", Ct);
        var randomIndex = random.GetProperty("row").GetInt32();
        Assert.Equal(amounts[randomIndex], random.GetProperty("data").GetProperty("amount").GetDecimal());

        await AssertProblemAsync(query, $"datasets/{name}/columns/city/mean", HttpStatusCode.UnprocessableEntity, "not numeric");
        await AssertProblemAsync(query, $"datasets/{name}/columns/colour/median", HttpStatusCode.NotFound, "no column 'colour'");
        await AssertProblemAsync(query, $"datasets/{name}/rows/{Rows}", HttpStatusCode.NotFound, $"no row {Rows}");
        await AssertProblemAsync(query, "datasets/no-such-dataset/columns/amount/mean", HttpStatusCode.NotFound, "No dataset");
    }

    [Fact]
    public async Task An_NDJSON_upload_reports_its_bad_lines_and_a_wrong_content_type_is_refused()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "ndjson");
        using var ingest = stack.Ingestion();

        using var upload = await ingest.PostAsync("datasets/lines", new StringContent("{\"a\":1}\n{\"a\":\n[1,2]\n{\"a\":3}\n", Encoding.UTF8, "application/x-ndjson"), Ct);
        using var wrongType = await ingest.PostAsync("datasets/lines", new StringContent("a,b\n1,2\n", Encoding.UTF8, "text/plain"), Ct);
        using var badName = await ingest.PostAsync("datasets/bad%20name", new StringContent("a\n1\n", Encoding.UTF8, "text/csv"), Ct);

        var answer = await upload.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, answer.GetProperty("rows").GetInt32());
        Assert.Equal([2L, 3L], answer.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpClient api, string path, HttpStatusCode status, string text)
    {
        using var response = await api.GetAsync(path, Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static (string Csv, List<decimal> Amounts, List<string> Cities) Generate()
    {
        var random = new Random(42);
        var csv = new StringBuilder("id,city,amount,note\r\n");
        var amounts = new List<decimal>();
        var cities = new List<string>();
        for (var i = 0; i < Rows; i++)
        {
            // Skewed choice so one city is clearly the most frequent.
            var city = Cities[Math.Min(random.Next(7), Cities.Length - 1)];
            var amount = Math.Round((decimal)random.NextDouble() * 500m, 2);
            amounts.Add(amount);
            cities.Add(city);
            var quoted = city.Contains(',', StringComparison.Ordinal) || city.Contains('"', StringComparison.Ordinal) ? "\"" + city.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : city;
            csv.Append(CultureInfo.InvariantCulture, $"{i},{quoted},{amount.ToString(CultureInfo.InvariantCulture)},{(i % 3 == 0 ? string.Empty : "n" + i)}\r\n");
            if (i == 2 || i == 998)
            {
                csv.Append("this,row,is,too,long\r\n");
            }
        }

        return (csv.ToString(), amounts, cities);
    }
}
