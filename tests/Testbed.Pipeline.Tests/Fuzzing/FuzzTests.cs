using CsCheck;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of ingestion and the Api on a real stack: thousands of generated bodies, headers, paths and query
/// strings, mostly invalid. Every answer is below 500 and has a status its input allows; every refusal is problem details
/// naming the field; afterwards the stream, bucket and table hold exactly what the 2xx answers accepted. A failure prints
/// CsCheck's seed: set the CsCheck_Seed environment variable to it to replay the same inputs.
/// </summary>
public sealed class FuzzTests(FuzzFixture fixture) : IClassFixture<FuzzFixture>
{
    // Requests wait on the network, not the CPU: more in flight than cores.
    private const int Threads = 8;

    [Fact]
    public async Task Events_endpoint_answers_every_generated_body_as_its_class_requires()
    {
        using var http = fixture.Stack.Ingestion();
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.Valid), 100);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.Truncated), 150);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.NotUtf8), 100);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.LoneSurrogates), 100);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.DuplicateKeys), 100);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.Numbers), 100);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.DeepNesting), 150);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.OddTypes), 300);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.OddIds), 300);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.OddTimestampsGen), 200);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.UnknownFields), 150);
        await FuzzAsync(http, IngestionProbes.Events(EventBodies.WrongKindsGen), 100);
        await FuzzAsync(http, IngestionProbes.EventContentTypes, 200);
        await FuzzAsync(http, IngestionProbes.TraceHeaders, 150);
        await FuzzAsync(http, IngestionProbes.Oversized, 9);

        await StoredContents.AssertMatchLedgerAsync(fixture);
    }

    [Fact]
    public async Task Batch_endpoint_refuses_a_batch_with_one_bad_event_or_line_whole()
    {
        using var http = fixture.Stack.Ingestion();
        await FuzzAsync(http, IngestionProbes.ArrayBatches, 400);
        await FuzzAsync(http, IngestionProbes.NdjsonBatches, 400);
        await FuzzAsync(http, IngestionProbes.BatchContentTypes, 100);
        await FuzzAsync(http, IngestionProbes.BatchSizes, 10);

        await StoredContents.AssertMatchLedgerAsync(fixture);
    }

    [Fact]
    public async Task Dataset_upload_answers_odd_names_files_and_content_types_as_required()
    {
        using var http = fixture.Stack.Ingestion();
        await FuzzAsync(http, DatasetProbes.OddNames, 300);
        await FuzzAsync(http, DatasetProbes.CsvFiles, 300);
        await FuzzAsync(http, DatasetProbes.NdjsonFiles, 200);
        await FuzzAsync(http, DatasetProbes.UploadContentTypes, 60);

        await StoredContents.AssertMatchLedgerAsync(fixture);
    }

    [Fact]
    public async Task Api_answers_odd_paths_queries_and_refused_edits_without_changing_an_item()
    {
        using var http = fixture.Stack.Api();
        await FuzzAsync(http, ApiProbes.EventIds, 300);
        await FuzzAsync(http, ApiProbes.Queries, 600);
        await FuzzAsync(http, ApiProbes.DatasetQueries, 400);
        await FuzzAsync(http, ApiProbes.Updates(fixture.Targets), 400);
        await FuzzAsync(http, ApiProbes.Deletes(fixture.Targets), 200);

        await StoredContents.AssertMatchLedgerAsync(fixture);
    }

    private Task FuzzAsync(HttpClient http, Gen<Probe> probes, int iterations) => probes.SampleAsync(
        probe => ProbeSender.SendAsync(http, probe, fixture.Ledger),
        writeLine: line => TestContext.Current.TestOutputHelper?.WriteLine(line),
        iter: iterations,
        threads: Threads,
        print: probe => probe.ToString());
}
