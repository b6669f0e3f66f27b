using System.Text.Json;
using Testbed.Testing;

namespace Testbed.LoadTests.Tests;

/// <summary>The load runner as a user runs it (`dotnet run --project loadtests -- …`): bounded in seconds, its reports checked, not its timings.</summary>
public sealed class LoadRunnerSmokeTests
{
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_short_ingest_run_on_the_embedded_stack_writes_consistent_reports_and_loses_nothing()
    {
        var output = Directory.CreateTempSubdirectory("testbed-load-").FullName;
        try
        {
            await using var run = await RunAsync(
                "ingest-single", "--rate", "200", "--duration", "3s", "--warmup", "1s", "--baseline", "1s", "--sample", "0.1",
                "--out", output, "--threshold", "ingest.fail = 0", "--threshold", "loss = 0", "--threshold", "items-ratio > 0");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Sending a bearer token of client 'testbed' from http://", run.Output, StringComparison.Ordinal);
            Assert.Contains("[", run.Output, StringComparison.Ordinal);
            Assert.Contains("measure]", run.Output, StringComparison.Ordinal);
            Assert.All(new[] { "report.md", "report.html", "results.csv", "timeline.csv", "results.json" }, f => Assert.True(File.Exists(Path.Combine(output, f)), f));

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken));
            var report = json.RootElement;
            var steps = report.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            var ingest = steps["ingest"];
            Assert.Equal(ingest.GetProperty("count").GetInt64(), ingest.GetProperty("ok").GetInt64() + ingest.GetProperty("failed").GetInt64());
            Assert.Equal(0, ingest.GetProperty("failed").GetInt64());
            Assert.InRange(ingest.GetProperty("count").GetInt64(), 500, 700);
            Assert.Equal(ingest.GetProperty("ok").GetInt64(), ingest.GetProperty("timeline").EnumerateArray().Sum(p => p.GetProperty("ok").GetInt64()));
            Assert.Equal(ingest.GetProperty("ok").GetInt64(), ingest.GetProperty("distribution").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
            Assert.True(steps["freshness"].GetProperty("ok").GetInt64() > 0, "sampled events were polled until queryable");

            var loss = report.GetProperty("loss");
            Assert.Equal(0, loss.GetProperty("lost").GetInt64());
            Assert.Equal(loss.GetProperty("accepted").GetInt64(), loss.GetProperty("stored").GetInt64());
            Assert.True(loss.GetProperty("accepted").GetInt64() >= ingest.GetProperty("ok").GetInt64(), "warm-up events count as accepted too");
            // Stored over at least the 4 s of warm-up and load: never more than that, and more than nothing.
            Assert.InRange(report.GetProperty("storedPerSecond").GetDouble(), 1, loss.GetProperty("stored").GetInt64() / 4.0);

            // The emulators alone: Kinesis, DynamoDB with small items, and DynamoDB with items as the processors store this run's events.
            Assert.Equal(
                ["KinesisRecords", "DynamoDbItems", "DynamoDbPipelineItems"],
                report.GetProperty("baseline").EnumerateArray().Select(b => b.GetProperty("measure").GetString()));
            Assert.All(report.GetProperty("baseline").EnumerateArray(), b => Assert.True(b.GetProperty("units").GetInt64() > 0, b.GetProperty("name").GetString()));
            Assert.InRange(report.GetProperty("pipelineItemsRatio").GetDouble(), double.Epsilon, double.MaxValue);
            Assert.All(report.GetProperty("thresholds").EnumerateArray(), t => Assert.True(t.GetProperty("passed").GetBoolean()));

            // What each process of the stack cost: the emulators, the services and the runner itself, each seen using memory.
            var processes = report.GetProperty("processes").EnumerateArray().ToList();
            var names = processes.Select(p => p.GetProperty("name").GetString()).ToHashSet();
            Assert.Superset(new HashSet<string?> { "runner and AppHost", "kinesis emulator", "dynamodb emulator", "s3 emulator", "ingestion", "processor", "api" }, names);
            Assert.All(processes, p => Assert.True(p.GetProperty("peakRssMegabytes").GetDouble() > 0 && p.GetProperty("cpuPercent").GetDouble() >= 0, p.ToString()));
            // Of the resident set, its own memory: some, and less than all of it (every process maps its executable and libraries from files).
            Assert.All(processes, p => Assert.True(p.GetProperty("peakPrivateMegabytes").GetDouble() is var own && own > 0 && own < p.GetProperty("peakRssMegabytes").GetDouble(), p.ToString()));
            Assert.True(processes.Single(p => p.GetProperty("name").GetString() == "runner and AppHost").GetProperty("timeline").GetArrayLength() >= 3, "sampled each second of the load");

            // The whole machine's CPU, the kernel's work included, is at least what the runner alone used.
            var machine = report.GetProperty("machine");
            Assert.True(machine.GetProperty("cpuPercent").GetDouble() >= processes.Single(p => p.GetProperty("name").GetString() == "runner and AppHost").GetProperty("cpuPercent").GetDouble() * 0.9, machine.ToString());
            // Its row closes the process table, right under the sum of the processes.
            Assert.Matches(@"\| \*\*all\*\* \|[^\n]*\n\| machine \(every process and the kernel's work\) \|", await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken));

            // The background side yields the cores to the request path; the request path keeps the normal priority.
            var nice = processes.ToLookup(p => p.GetProperty("name").GetString()!, p => p.GetProperty("nice").GetInt32());
            Assert.All(new[] { "processor", "dynamodb emulator", "s3 emulator", "web" }, name => Assert.All(nice[name], n => Assert.Equal(10, n)));
            Assert.All(new[] { "runner and AppHost", "ingestion", "kinesis emulator", "api" }, name => Assert.All(nice[name], n => Assert.Equal(0, n)));
            Assert.Equal(2, nice["processor"].Count());

            var csv = await File.ReadAllLinesAsync(Path.Combine(output, "results.csv"), TestContext.Current.CancellationToken);
            Assert.StartsWith("step,count,ok,failed,", csv[0], StringComparison.Ordinal);
            var csvIngest = csv.Single(l => l.StartsWith("ingest,", StringComparison.Ordinal)).Split(',');
            Assert.Equal(ingest.GetProperty("count").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), csvIngest[1]);

            var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("**lost 0**", markdown, StringComparison.Ordinal);
            Assert.Contains("| DynamoDB BatchWriteItem, the pipeline's items (25 items, 4 workers) |", markdown, StringComparison.Ordinal);
            Assert.Matches(@"; of the same with the pipeline's own items: \d+(\.\d)? %;", markdown);

            // The measured part began once the pipeline had caught up with the warm-up's events, and the report says so.
            var catchUp = report.GetProperty("catchUp");
            Assert.True(catchUp.GetProperty("caughtUp").GetBoolean(), catchUp.ToString());
            Assert.InRange(catchUp.GetProperty("backlogSeconds").GetDouble(), 0, 0.5);
            Assert.Contains(", then held ", markdown, StringComparison.Ordinal);
            Assert.Contains(" until the pipeline had caught up: ", markdown, StringComparison.Ordinal);
            Assert.Contains("## Processes", markdown, StringComparison.Ordinal);
            // Each process's cost per event accepted, at the rate the measured load accepted.
            Assert.InRange(report.GetProperty("acceptedPerSecond").GetDouble(), 150, 250);
            Assert.Contains("| process | pid | nice | CPU % | CPU µs per event | busiest second % | peak RSS MiB | peak private MiB |", markdown, StringComparison.Ordinal);
            Assert.Matches(@"\n\| ingestion \| \d+ \| 0 \| [\d.]+ \| \d+ \| \d+ \| \d+ \| \d+ \|\n", markdown);

            // The probe's own weight: each sampled event read at least once through the Api, and the report says how many reads it took.
            var probe = report.GetProperty("probe");
            Assert.InRange(probe.GetProperty("events").GetInt64(), 1, long.MaxValue);
            Assert.InRange(probe.GetProperty("reads").GetInt64(), probe.GetProperty("events").GetInt64(), long.MaxValue);
            Assert.Matches(@"- freshness probe: \d+ reads through the Api \(GET /events/\{id\}\) for \d+ sampled events, \d+\.\d per event", markdown);

            // Before the load, events went through the whole pipeline and were each read back, so the services had compiled their code.
            var primed = report.GetProperty("primed");
            Assert.Equal(200, primed.GetProperty("sent").GetInt32());
            Assert.Equal(200, primed.GetProperty("queryable").GetInt32());
            Assert.Contains("- primed: 200 events sent through the pipeline before the load, all queryable after ", markdown, StringComparison.Ordinal);

            // The Api's alarms were read after the load (a cold stack may set off its latency alarm, so not which).
            Assert.Equal(JsonValueKind.Array, report.GetProperty("alarms").ValueKind);
            Assert.Contains("## Alarms", markdown, StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"), TestContext.Current.CancellationToken);
            Assert.Equal(7, html.Split("<svg", StringSplitOptions.None).Length - 1);
            Assert.EndsWith("</html>", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task An_impossible_threshold_is_reported_and_exits_non_zero()
    {
        var output = Directory.CreateTempSubdirectory("testbed-load-").FullName;
        try
        {
            await using var run = await RunAsync("runner-check", "--rate", "300", "--duration", "2s", "--warmup", "0s", "--out", output, "--threshold", "ingest.p99 < 0.0001ms");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Threshold breached: ingest.p99 < 0.0001ms (actual ", run.Output, StringComparison.Ordinal);
            var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("**BREACHED**", markdown, StringComparison.Ordinal);

            // The trivial endpoint answers from the runner's own process: its row says so.
            Assert.Contains("| runner and trivial endpoint |", markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_capacity_run_climbs_stage_by_stage_and_reports_each_stage_and_the_knee()
    {
        var output = Directory.CreateTempSubdirectory("testbed-load-").FullName;
        try
        {
            // Limits no pipeline misses at these rates: both stages are held, so the knee is the highest rate tried.
            await using var run = await RunAsync(
                "capacity", "--rate", "100", "--step", "100", "--ramp-to", "200", "--duration", "3s", "--warmup", "2s", "--baseline", "0",
                "--max-freshness", "50s", "--max-backlog", "60s", "--sample", "0.1", "--out", output, "--threshold", "knee >= 200", "--threshold", "loss = 0");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Stage 1 of at most 2: 100/s held", run.Output, StringComparison.Ordinal);
            Assert.Contains("Stage 2 of at most 2: 200/s held", run.Output, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken));
            var report = json.RootElement;
            var stages = report.GetProperty("capacity").GetProperty("stages").EnumerateArray().ToList();
            Assert.Equal([100.0, 200.0], stages.Select(s => s.GetProperty("rate").GetDouble()));
            Assert.Equal([300L, 600L], stages.Select(s => s.GetProperty("ingest").GetProperty("ok").GetInt64()));
            Assert.All(stages, s => Assert.True(s.GetProperty("freshness").GetProperty("ok").GetInt64() > 0, "sampled events were polled in each stage"));
            Assert.Equal(200, report.GetProperty("capacity").GetProperty("knee").GetDouble());

            // Warm-up and both stages: every accepted event stored, each under its own id.
            var loss = report.GetProperty("loss");
            Assert.Equal(0, loss.GetProperty("lost").GetInt64());
            Assert.InRange(loss.GetProperty("accepted").GetInt64(), 900 + 150, 900 + 250);

            var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("## Capacity", markdown, StringComparison.Ordinal);
            Assert.Contains("**Knee: 200.0 events/s**", markdown, StringComparison.Ordinal);
            Assert.Contains("| ingest@200 | 600 |", markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_capacity_run_in_batches_offers_its_rates_in_events_and_stores_every_event_of_every_batch()
    {
        var output = Directory.CreateTempSubdirectory("testbed-load-").FullName;
        try
        {
            // 200 and 400 events/s in batches of 20: 10 and 20 requests a second.
            await using var run = await RunAsync(
                "capacity", "--batch-size", "20", "--rate", "200", "--step", "200", "--ramp-to", "400", "--duration", "3s", "--warmup", "2s", "--baseline", "0",
                "--max-freshness", "50s", "--max-backlog", "60s", "--sample", "0.5", "--out", output, "--threshold", "knee >= 400", "--threshold", "loss = 0");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Stage 1: 200 events/s (10 requests/s of 20) for 3 s", run.Output, StringComparison.Ordinal);
            Assert.Contains("Stage 2 of at most 2: 400/s held", run.Output, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken));
            var report = json.RootElement;
            var stages = report.GetProperty("capacity").GetProperty("stages").EnumerateArray().ToList();
            Assert.Equal([30L, 60L], stages.Select(s => s.GetProperty("ingest").GetProperty("ok").GetInt64()));
            Assert.Equal([200.0, 400.0], stages.Select(s => s.GetProperty("ingest").GetProperty("unitsPerSecond").GetDouble()));
            Assert.All(stages, s => Assert.True(s.GetProperty("freshness").GetProperty("ok").GetInt64() > 0, "sampled events were polled in each stage"));

            // The warm-up's requests (about 15) and both stages' 90, 20 events each: every event stored, each under its own id.
            var loss = report.GetProperty("loss");
            Assert.Equal(0, loss.GetProperty("lost").GetInt64());
            Assert.Equal(0, loss.GetProperty("accepted").GetInt64() % 20);
            Assert.InRange(loss.GetProperty("accepted").GetInt64(), 1800 + 100, 1800 + 500);

            var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("in batches of 20 events", markdown, StringComparison.Ordinal);
            Assert.Contains("| 400.0 | 400.0 |", markdown, StringComparison.Ordinal);
            Assert.Contains("**Knee: 400.0 events/s**", markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_with_2_and_say_what_is_wrong()
    {
        await using var run = await RunAsync("ingest-single", "--rate", "fast");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rate: 'fast' is not a positive number.", run.Output, StringComparison.Ordinal);
    }

    private static async Task<ChildProcess> RunAsync(params string[] arguments)
    {
        var run = ChildProcess.Start(BuiltAssembly.Of("loadtests", "Testbed.LoadTests"), arguments);
        await run.WaitForExitAsync(RunBound);
        return run;
    }
}
