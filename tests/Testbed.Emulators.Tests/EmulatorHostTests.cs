using System.Net;
using System.Net.Sockets;
using Testbed.Aws.Configuration;
using Testbed.Aws.Kinesis.Model;
using Testbed.Testing;

namespace Testbed.Emulators.Tests;

/// <summary>The emulator host's life cycle: start, answer, stop, and leave nothing behind.</summary>
public sealed class EmulatorHostTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task All_three_answer_on_loopback_and_dispose_leaves_no_process_and_no_data()
    {
        var host = await EmulatorHost.StartAsync(cancellationToken: Ct).WaitAsync(Bound, Ct);
        var pids = host.Processes.Select(p => p.ProcessId).ToList();
        var dataDirectory = host.DataDirectory;

        Assert.Equal(3, pids.Count);
        Assert.All(host.Processes, p => Assert.Equal("127.0.0.1", p.Endpoint.Host));
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsAlive(pid)));
        Assert.True(Directory.Exists(dataDirectory));

        await host.DisposeAsync();

        Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"emulator process {pid} is still running"));
        Assert.All(host.Processes, p => Assert.False(Listening(p.Port), $"port {p.Port} still answers"));
        Assert.False(Directory.Exists(dataDirectory), "the temporary data folder was not deleted");
    }

    [Fact]
    public async Task An_emulator_killed_mid_test_is_seen_as_exited_and_dispose_still_stops_the_others()
    {
        var host = await EmulatorHost.StartAsync(cancellationToken: Ct).WaitAsync(Bound, Ct);
        var kinesis = host[EmulatorService.Kinesis];

        kinesis.Kill();
        await Eventually.HoldsAsync(() => kinesis.HasExited, TimeSpan.FromSeconds(10), "the killed emulator has exited");
        await host.DisposeAsync();

        Assert.All(host.Processes, p => Assert.False(ProcessProbe.IsAlive(p.ProcessId), $"{p.Service} emulator {p.ProcessId} is still running"));
    }

    [Fact]
    public async Task A_taken_port_fails_fast_with_a_clear_error_and_leaves_nothing_running()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var dataDirectory = Directory.CreateTempSubdirectory("taken-port-").FullName;
        try
        {
            var options = new EmulatorHostOptions
            {
                DataDirectory = dataDirectory,
                Ports = new Dictionary<EmulatorService, int> { [EmulatorService.S3] = takenPort },
            };

            var error = await Assert.ThrowsAsync<EmulatorStartException>(() => EmulatorHost.StartAsync(options, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct));

            Assert.Contains("S3 emulator", error.Message, StringComparison.Ordinal);
            Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
            Assert.Contains(takenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
            Assert.Empty(ProcessProbe.WithCommandLineContaining(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_emulator_that_cannot_start_reports_why_and_the_others_are_stopped()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("broken-").FullName;
        File.WriteAllText(Path.Combine(dataDirectory, "kinesis"), "a file where kinesalite's store folder should be");
        try
        {
            var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
                EmulatorHost.StartAsync(new EmulatorHostOptions { DataDirectory = dataDirectory }, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct));

            Assert.Contains("Kinesis emulator", error.Message, StringComparison.Ordinal);
            Assert.Contains("EEXIST", error.Message, StringComparison.Ordinal);
            Assert.Empty(ProcessProbe.WithCommandLineContaining(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_folder_that_is_a_file_is_refused_with_its_path()
    {
        var notAFolder = Path.GetTempFileName();
        try
        {
            var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
                EmulatorHost.StartAsync(new EmulatorHostOptions { DataDirectory = notAFolder }, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct));

            Assert.Contains(notAFolder, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    [Fact]
    public async Task Missing_Node_is_reported_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorHost.StartAsync(new EmulatorHostOptions { NodeExecutable = "/nonexistent/node" }, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.Contains("Node.js was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install nodejs npm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_data_folder_keeps_streams_tables_and_buckets_across_restarts()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("persistent-").FullName;
        var stream = UniqueName.For("kept");
        try
        {
            await using (var first = await EmulatorHost.StartAsync(new EmulatorHostOptions { DataDirectory = dataDirectory }, Ct).WaitAsync(Bound, Ct))
            {
                var clients = Clients(first);
                using var http = new HttpClient();
                await clients.CreateKinesis(http).CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = 1 }, Ct);
                using var dynamo = clients.CreateDynamoDb();
                await dynamo.CreateTableAsync(stream, [new("id", Amazon.DynamoDBv2.KeyType.HASH)], [new("id", Amazon.DynamoDBv2.ScalarAttributeType.S)], new Amazon.DynamoDBv2.Model.ProvisionedThroughput(1, 1), Ct);
                using var s3 = clients.CreateS3();
                await s3.PutBucketAsync(stream, Ct);
            }

            await using var second = await EmulatorHost.StartAsync(new EmulatorHostOptions { DataDirectory = dataDirectory }, Ct).WaitAsync(Bound, Ct);
            var again = Clients(second);
            using var http2 = new HttpClient();
            var summary = await again.CreateKinesis(http2).DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = stream }, Ct);
            Assert.Equal(stream, summary.StreamDescriptionSummary.StreamName);
            using var dynamo2 = again.CreateDynamoDb();
            Assert.Contains(stream, (await dynamo2.ListTablesAsync(Ct)).TableNames);
            using var s3Again = again.CreateS3();
            Assert.Contains(stream, (await s3Again.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
            Assert.True(Directory.Exists(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static AwsClientFactory Clients(EmulatorHost host) => AwsClientFactory.For(host.Endpoints.ToAwsOptions());

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
