using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.Testing;
using Testbed.AppHost.Startup;
using Testbed.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>A stack started from code (the load runner, the test suites) whose emulator cannot listen fails at once and names it, instead of waiting until its time runs out.</summary>
public sealed class StartFailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_emulator_whose_port_is_taken_ends_the_start_naming_it_and_leaves_no_process()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var dataDirectory = Directory.CreateTempSubdirectory("taken-port-").FullName;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(
                [$"--Pipeline:Prefix={UniqueName.For("taken")}", $"--AppHost:Ports:Kinesis={taken}", $"--AppHost:DataDirectory={dataDirectory}"], Ct)
                .WaitAsync(Bound, Ct);
            await using (var app = await builder.BuildAsync(Ct).WaitAsync(Bound, Ct))
            {
                // The start's own limit is the test's bound: without the watch on the emulator's end it would run out, with another message.
                var error = await Assert.ThrowsAsync<InvalidOperationException>(
                    () => app.StartHealthyAsync(["kinesis", "dynamodb", "s3", "identity", "ingestion", "processor", "api", "web"], Bound, Ct));

                Assert.Contains("Stopped waiting for resource 'kinesis' to become healthy because it failed to start.", error.Message, StringComparison.Ordinal);
                Assert.Matches(@"Not healthy: .*kinesis \((Finished|Exited)\)", error.Message);

                // The emulator's own last words say why.
                Assert.Matches(@"kinesis ended \(exit code [1-9]\d*\); its last lines: .*EADDRINUSE", error.Message);

                // The identity needs no emulator and goes on starting. Stopped in its first instants, before its host has started, a .NET
                // process ends without its own shutdown and leaves its runtime files in the temp folder: the stack is stopped once it runs.
                await app.ResourceNotifications.WaitForResourceHealthyAsync("identity", Ct).WaitAsync(Bound, Ct);
            }

            Assert.Empty(ProcessProbe.WithCommandLineContaining(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
