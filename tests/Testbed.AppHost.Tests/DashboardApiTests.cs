using System.Net.Http.Json;
using System.Text.Json;
using Testbed.AppHost.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>The dashboard's own API, as the page reads it: resources, traces received over OTLP, the pipeline panel.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardApiTests(DashboardStack stack)
{
    private static readonly string[] Rows = ["kinesis", "dynamodb", "s3", "provision", "ingestion", "processor-1", "processor-2", "api"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_resource_is_Running_and_every_service_healthy_with_a_live_process()
    {
        await Eventually.HoldsAsync(
            async () => (await stack.ResourcesAsync(Ct)).Values.All(r => r.GetProperty("state").GetString() is "Running" or "Finished"),
            TimeSpan.FromSeconds(60),
            "every resource Running (provision Finished)");

        var rows = await stack.ResourcesAsync(Ct);
        Assert.Equal(Rows.Order(), rows.Keys.Order());
        Assert.Equal("Finished", rows["provision"].GetProperty("state").GetString());
        foreach (var name in Rows.Except(["provision"]))
        {
            Assert.Equal("Running", rows[name].GetProperty("state").GetString());
            Assert.True(ProcessProbe.IsAlive(rows[name].GetProperty("processId").GetInt32()), $"{name}'s process runs");
            Assert.StartsWith("http://127.0.0.1:", rows[name].GetProperty("endpoints")[0].GetString(), StringComparison.Ordinal);
        }

        foreach (var service in new[] { "ingestion", "processor-1", "processor-2", "api" })
        {
            Assert.Equal("Healthy", rows[service].GetProperty("health").GetString());
        }
    }

    [Fact]
    public async Task A_posted_events_trace_holds_ingestion_Kinesis_processor_S3_and_DynamoDB_spans_linked_parent_to_child()
    {
        var id = await stack.PostAndAwaitEventAsync("order.created", Ct);

        JsonElement[] spans = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                // The id also finds the test's own GET /events/{id} reads; the event's trace is the one POST /events started.
                var found = (await stack.DashboardClient.GetFromJsonAsync<JsonElement[]>($"api/traces?search={id}", Ct))!
                    .Where(t => t.GetProperty("rootName").GetString() == "POST /events")
                    .ToList();
                if (found.Count != 1)
                {
                    return false;
                }

                var trace = await stack.DashboardClient.GetFromJsonAsync<JsonElement>($"api/traces/{found[0].GetProperty("traceId").GetString()}", Ct);
                spans = [.. trace.GetProperty("spans").EnumerateArray()];
                return spans.Any(s => Name(s).StartsWith("DynamoDB UpdateAggregates", StringComparison.Ordinal))
                    && spans.Any(s => Name(s).StartsWith("S3 PutObject", StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(30),
            $"the trace of {id} reached the dashboard with its processor spans");

        var byId = spans.ToDictionary(s => s.GetProperty("spanId").GetString()!);
        JsonElement? Parent(JsonElement span) =>
            span.GetProperty("parentSpanId").GetString() is { } parent && byId.TryGetValue(parent, out var found) ? found : null;

        var root = Assert.Single(spans, s => Parent(s) is null);
        Assert.Equal(("ingestion", "server", "POST /events"), (Service(root), Kind(root), Name(root)));
        var put = Assert.Single(spans, s => Kind(s) == "producer");
        Assert.Equal(("ingestion", "Kinesis PutRecords"), (Service(put), Name(put)[.."Kinesis PutRecords".Length]));
        Assert.Equal(root.GetProperty("spanId").GetString(), Parent(put)?.GetProperty("spanId").GetString());
        Assert.Equal(id, put.GetProperty("attributes").GetProperty("messaging.message.id").GetString());

        var processes = spans.Where(s => Name(s) == "process order.created").ToList();
        Assert.NotEmpty(processes);
        Assert.All(processes, p => Assert.Equal(("processor", "consumer"), (Service(p), Kind(p))));
        Assert.All(processes, p => Assert.Equal(put.GetProperty("spanId").GetString(), Parent(p)?.GetProperty("spanId").GetString()));

        var storage = spans.Where(s => Name(s).StartsWith("S3 ", StringComparison.Ordinal) || Name(s).StartsWith("DynamoDB ", StringComparison.Ordinal)).ToList();
        Assert.Contains(storage, s => Name(s).StartsWith("DynamoDB BatchWriteItem", StringComparison.Ordinal));
        Assert.All(storage, s => Assert.Equal("process order.created", Parent(s) is { } parent ? Name(parent) : null));
    }

    [Fact]
    public async Task The_pipeline_panel_counts_accepted_events_per_second_and_lists_every_shard_with_its_owner()
    {
        for (var i = 0; i < 20; i++)
        {
            using var posted = await stack.Ingestion.PostAsync("events", JsonContent.Create(new { type = "panel.tick", data = new { i } }), Ct);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
            await Task.Delay(100, Ct);
        }

        JsonElement view = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                view = await stack.DashboardClient.GetFromJsonAsync<JsonElement>("api/pipeline", Ct);
                return view.GetProperty("acceptedPerSecond").GetDouble() > 0
                    && view.GetProperty("status").ValueKind == JsonValueKind.Object
                    && view.GetProperty("status").GetProperty("freshness").GetProperty("count").GetInt32() > 0;
            },
            TimeSpan.FromSeconds(30),
            "the panel shows an accepted rate and freshness",
            TimeSpan.FromMilliseconds(500));

        var shards = view.GetProperty("status").GetProperty("shards").EnumerateArray().ToList();
        Assert.Equal(2, shards.Count);
        Assert.All(shards, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("owner").GetString()), "a processor holds the shard"));
    }

    private static string Name(JsonElement span) => span.GetProperty("name").GetString()!;

    private static string Service(JsonElement span) => span.GetProperty("service").GetString()!;

    private static string Kind(JsonElement span) => span.GetProperty("kind").GetString()!;
}
