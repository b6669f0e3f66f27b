using System.Text;
using System.Text.Json;
using Json.Schema;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.EndToEnd;

/// <summary>What the pipeline writes, on the stream and in the lake's raw/ objects, validates against the JSON Schema the Api publishes.</summary>
public sealed class RecordSchemaTests(AwsEnvironmentFixture aws)
{
    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_on_the_stream_and_lines_in_the_raw_lake_validate_against_the_published_schema()
    {
        await using var stack = await PipelineStack.StartAsync(aws, "schema");
        using var ingest = stack.Ingestion();
        using var api = stack.Api();
        var schema = JsonSchema.FromText(await api.GetStringAsync("schemas/event-record", Ct));

        // Every way in: one event with all fields, one with only the required ones, a JSON batch, an NDJSON batch, a CSV dataset.
        await PostAsync(ingest, "events", "application/json", """{"type":"order.created","id":"full-1","timestamp":"2026-11-22T10:00:00.123+01:00","data":{"amount":42.5,"tags":["a"],"nested":{"x":null}}}""");
        await PostAsync(ingest, "events", "application/json", """{"type":"order.created","data":{}}""");
        await PostAsync(ingest, "events/batch", "application/json", """[{"type":"t.a","data":{"n":1}},{"type":"t.b","id":"batch:2","data":{"n":2}},{"type":"t.c","data":{"s":"é"}}]""");
        await PostAsync(ingest, "events/batch", "application/x-ndjson", "{\"type\":\"t.d\",\"data\":{\"n\":4}}\n{\"type\":\"t.e\",\"data\":{\"n\":5}}\n");
        await PostAsync(ingest, "datasets/sales", "text/csv", "city,amount\nLyon,12.5\nOslo,7\nKyiv,\n");
        const int Expected = 10;

        var onStream = await StreamContents.ReadAllDataAsync(stack.Kinesis, stack.Resources.Stream.Name);
        Assert.Equal(Expected, onStream.Count);
        foreach (var record in onStream)
        {
            AssertValid(schema, record, "a record on the stream");
        }

        List<string> lines = [];
        await Eventually.HoldsAsync(async () => (lines = [.. (await RawLake.ReadAsync(stack)).Values.SelectMany(l => l)]).Count == Expected, TimeSpan.FromSeconds(60), $"{Expected} lines in raw/");
        foreach (var line in lines)
        {
            AssertValid(schema, Encoding.UTF8.GetBytes(line), "a line of raw/");
        }

        Assert.Equal(onStream.Select(Encoding.UTF8.GetString).Order(), lines.Order());

        // The schema is not a formality: a record the processors dead-letter fails it.
        using var foreign = JsonDocument.Parse("""{"id":"a/b","type":"t","timestamp":"2026-11-22T10:00:00Z","acceptedAt":"2026-11-22T10:00:00Z","data":5}""");
        Assert.False(schema.Evaluate(foreign.RootElement, Strict).IsValid);
    }

    private static void AssertValid(JsonSchema schema, byte[] json, string what)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, Strict);
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{what} fails the schema: {string.Join("; ", errors)}{Environment.NewLine}{Encoding.UTF8.GetString(json)}");
    }

    private static async Task PostAsync(HttpClient http, string path, string contentType, string body)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType), Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
