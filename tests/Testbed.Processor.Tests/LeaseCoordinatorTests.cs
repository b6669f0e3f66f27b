using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Testbed.Processor.Consumption;
using Testbed.Processor.Leases;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>The lease coordinator against the real emulators: what a stopping worker hands back.</summary>
public sealed class LeaseCoordinatorTests(AwsEnvironmentFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_stopped_while_its_take_is_unanswered_hands_the_lease_back()
    {
        var resources = await emulators.ProvisionAsync("handback", shards: 1);
        var (dynamo, updates) = UnansweredFirstUpdate.Over(emulators.DynamoDb);
        var options = new ProcessorOptions { WorkerId = "stopping-worker", PollInterval = TimeSpan.FromMilliseconds(20) };
        var leases = new LeaseTable(dynamo, resources);
        var coordinator = new LeaseCoordinator(
            emulators.Kinesis,
            leases,
            OneShardConsumer.Wire(emulators, resources, emulators.Kinesis, leases, options),
            resources,
            Options.Create(options),
            TimeProvider.System,
            NullLogger<LeaseCoordinator>.Instance);
        var table = new LeaseTable(emulators.DynamoDb, resources);

        await coordinator.StartAsync(Ct);
        try
        {
            // The coordinator's first update is its take of the free lease: DynamoDB applies it, the reply is held back until the stop.
            await updates.Landed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal("stopping-worker", Assert.Single(await table.ListAsync(Ct)).Owner);
            Assert.Empty(coordinator.HeldShards);
        }
        finally
        {
            await coordinator.StopAsync(Ct);
        }

        Assert.Null(Assert.Single(await table.ListAsync(Ct)).Owner);
    }
}
