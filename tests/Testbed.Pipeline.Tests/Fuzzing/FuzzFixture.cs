using System.Net;
using System.Text;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>One stack for the fuzz tests, the ledger of what it accepted, and a few items and a dataset for the Api probes to aim at.</summary>
public sealed class FuzzFixture(AwsEnvironmentFixture aws) : IAsyncLifetime
{
    private const int EditTargets = 6;
    private static readonly TimeSpan SeedBound = TimeSpan.FromSeconds(60);

    /// <summary>The stack.</summary>
    public PipelineStack Stack { get; private set; } = null!;

    /// <summary>What the stack said it accepted, across all the fuzz tests.</summary>
    public AcceptedLedger Ledger { get; } = new();

    /// <summary>Ids of the stored items the edit probes aim at, each stored with data {"n": its index} at version 1.</summary>
    public IReadOnlyList<string> Targets { get; } = [.. Enumerable.Range(0, EditTargets).Select(i => $"fz-edit-{i}")];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Stack = await PipelineStack.StartAsync(aws, "fuzz");
        using var ingestion = Stack.Ingestion();
        using var api = Stack.Api();
        for (var i = 0; i < Targets.Count; i++)
        {
            await SendAsync(ingestion, new Probe("seed", ProbeKind.Event, HttpMethod.Post, "events", Encoding.UTF8.GetBytes($"{{\"type\":\"fz.edit\",\"id\":\"{Targets[i]}\",\"data\":{{\"n\":{i}}}}}"), "application/json", Expect.Accepted()));
        }

        await SendAsync(ingestion, new Probe("seed", ProbeKind.Dataset, HttpMethod.Post, $"datasets/{ApiProbes.SeedDataset}", "n,s\n1,a\n2,b\n3,a\n"u8.ToArray(), "text/csv", Expect.Accepted()));
        foreach (var target in Targets)
        {
            await ApiQueries.WaitForEventAsync(api, target, SeedBound);
        }

        await Eventually.HoldsAsync(
            async () => (await api.GetAsync($"datasets/{ApiProbes.SeedDataset}/rows/2")).StatusCode == HttpStatusCode.OK,
            SeedBound,
            "the seeded dataset's rows are queryable");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stack.DisposeAsync();

    private Task SendAsync(HttpClient http, Probe probe) => ProbeSender.SendAsync(http, probe, Ledger);
}
