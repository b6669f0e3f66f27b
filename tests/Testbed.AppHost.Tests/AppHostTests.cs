using Testbed.AppHost.Tests.Fixtures;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis;
using Testbed.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>`dotnet run --project AppHost` as a user runs it: emulators up, resources provisioned, endpoints printed, clean stop.</summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_starts_the_emulators_provisions_the_pipeline_and_stops_cleanly_on_Ctrl_C()
    {
        var prefix = UniqueName.For("apphost");
        await using var appHost = await AppHostProcess.StartAsync($"--Pipeline:Prefix={prefix}");
        var pids = appHost.PrintedEmulatorPids();
        Assert.Equal(3, pids.Count);

        var clients = new AwsClientFactory(AwsConnectionResolver.Resolve(appHost.PrintedAwsOptions()));
        using var http = new HttpClient();
        var shards = await clients.CreateKinesis(http).ListAllShardsAsync($"{prefix}-events", cancellationToken: Ct);
        Assert.Equal(2, shards.Count);
        using var dynamo = clients.CreateDynamoDb();
        Assert.Equal(
            [$"{prefix}-aggregates", $"{prefix}-items", $"{prefix}-leases"],
            (await dynamo.ListTablesAsync(Ct)).TableNames.Order());
        using var s3 = clients.CreateS3();
        Assert.Contains($"{prefix}-lake", (await s3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));

        appHost.Signal(Signals.Interrupt);
        await appHost.WaitForExitAsync(StopBound);

        Assert.Equal(0, appHost.ExitCode);
        Assert.Contains("apphost    stopped", appHost.Output, StringComparison.Ordinal);
        Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"emulator {pid} outlived the AppHost"));
    }

    [Fact]
    public async Task A_user_posts_the_README_event_and_reads_it_back_through_the_Api()
    {
        await using var appHost = await AppHostProcess.StartAsync($"--Pipeline:Prefix={UniqueName.For("readme")}");
        var servicePids = appHost.PrintedServicePids();
        Assert.Equal(4, servicePids.Count);
        using var ingestion = new HttpClient { BaseAddress = appHost.PrintedServiceUrl("ingestion") };
        using var api = new HttpClient { BaseAddress = appHost.PrintedServiceUrl("api") };

        using var posted = await ingestion.PostAsync("events", new StringContent("""{"type":"order.created","id":"order-1","data":{"amount":42.5}}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);

        await Eventually.HoldsAsync(async () => (await api.GetAsync("events/order-1", Ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "order-1 is queryable");
        var stored = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("events/order-1", Ct)).RootElement;
        Assert.Equal(42.5, stored.GetProperty("data").GetProperty("amount").GetDouble());
        var windows = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("aggregates?type=order.created", Ct)).RootElement;
        Assert.Equal(1, windows.EnumerateArray().Single().GetProperty("count").GetInt32());

        appHost.Signal(Signals.Interrupt);
        await appHost.WaitForExitAsync(StopBound);
        Assert.All(servicePids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"service {pid} outlived the AppHost"));
    }

    [Fact]
    public async Task SIGTERM_stops_it_as_cleanly_as_Ctrl_C()
    {
        await using var appHost = await AppHostProcess.StartAsync();
        var pids = appHost.PrintedEmulatorPids();

        appHost.Signal(Signals.Terminate);
        await appHost.WaitForExitAsync(StopBound);

        Assert.Equal(0, appHost.ExitCode);
        Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"emulator {pid} outlived the AppHost"));
    }

    [Fact]
    public async Task A_killed_AppHost_leaves_no_emulator_and_no_service_behind()
    {
        await using var appHost = await AppHostProcess.StartAsync();
        var pids = appHost.PrintedEmulatorPids().Concat(appHost.PrintedServicePids()).ToList();
        Assert.Equal(7, pids.Count);

        appHost.Signal(Signals.Kill);

        await Eventually.HoldsAsync(() => pids.All(pid => !ProcessProbe.IsAlive(pid)), TimeSpan.FromSeconds(30), "every emulator and service ended after the AppHost was killed");
    }

    [Fact]
    public async Task A_crashed_service_is_restarted_on_the_same_URL()
    {
        await using var appHost = await AppHostProcess.StartAsync($"--Pipeline:Prefix={UniqueName.For("restart")}");
        var api = appHost.PrintedServiceUrl("api");
        var pid = appHost.PrintedServicePids().Last();
        using var http = new HttpClient { BaseAddress = api };

        KillProcess(pid);
        await Eventually.HoldsAsync(() => appHost.Output.Contains("api        restarted at", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the AppHost restarted the api");

        Assert.Contains("api        exited with code", appHost.Output, StringComparison.Ordinal);
        Assert.False(ProcessProbe.IsAlive(pid));
        Assert.True((await http.GetAsync("health", Ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_taken_fixed_port_stops_the_start_with_a_message_naming_it()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppHostProcess.StartAsync($"--AppHost:Ports:Kinesis={port}"));

        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalStack_mode_without_a_Docker_engine_stops_with_a_message_saying_what_to_do()
    {
        var noEngine = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/testbed-docker.sock" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppHostProcess.StartAsync(noEngine, "--Aws:Mode=LocalStack"));

        Assert.Contains("Testbed could not start: Aws:Mode=LocalStack starts LocalStack with the Docker CLI, but no Docker engine answers here", error.Message, StringComparison.Ordinal);
        Assert.Contains("--Aws:Mode=Embedded", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_it_leaves_no_process_it_started()
    {
        var appHost = await AppHostProcess.StartAsync();
        using var dashboard = new HttpClient { BaseAddress = appHost.PrintedDashboardUrl() };
        var rows = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement[]>(dashboard, "api/resources", Ct);
        var pids = rows!.Where(r => r.GetProperty("processId").ValueKind == System.Text.Json.JsonValueKind.Number).Select(r => r.GetProperty("processId").GetInt32()).ToList();
        Assert.Equal(7, pids.Count);

        await appHost.DisposeAsync();

        await Eventually.HoldsAsync(() => pids.All(pid => !ProcessProbe.IsAlive(pid)), TimeSpan.FromSeconds(30), "every process the AppHost started ended with it");
    }

    [Fact]
    public async Task Fixed_service_ports_are_used_as_given()
    {
        var port = FreePort.Next();

        await using var appHost = await AppHostProcess.StartAsync($"--AppHost:Ports:Api={port}", "--AppHost:ProcessorReplicas=1");

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), appHost.PrintedServiceUrl("api"));
        using var http = new HttpClient();
        Assert.True((await http.GetAsync($"http://127.0.0.1:{port}/health", Ct)).IsSuccessStatusCode);
    }

    private static void KillProcess(int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill();
    }
}
