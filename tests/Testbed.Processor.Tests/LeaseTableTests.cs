using Testbed.Processor.Leases;
using Testbed.Testing;

namespace Testbed.Processor.Tests;

/// <summary>The lease table's conditional writes against dynalite: one owner at a time, and a lost lease cannot checkpoint.</summary>
public sealed class LeaseTableTests(AwsEnvironmentFixture emulators)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_one_of_two_workers_taking_the_same_lease_gets_it()
    {
        var table = await CreateAsync();
        await table.EnsureAsync(["shardId-000000000000"], Ct);
        var free = Assert.Single(await table.ListAsync(Ct));

        var takes = await Task.WhenAll(table.TryTakeAsync(free, "a", Ct), table.TryTakeAsync(free, "b", Ct));

        Assert.Single(takes, t => t is not null);
        Assert.Equal(takes.Single(t => t is not null)!.Owner, Assert.Single(await table.ListAsync(Ct)).Owner);
    }

    [Fact]
    public async Task A_lease_taken_over_can_no_longer_be_renewed_or_checkpointed_by_its_old_owner()
    {
        var table = await CreateAsync();
        await table.EnsureAsync(["shardId-000000000000"], Ct);
        var mine = (await table.TryTakeAsync(Assert.Single(await table.ListAsync(Ct)), "old", Ct))!;
        using var held = new HeldLease(mine);

        var stolen = await table.TryTakeAsync(mine, "new", Ct);

        Assert.NotNull(stolen);
        Assert.False(await held.CheckpointAsync(table, "49590338271490256608559692538361571095921575989136588898", null, Ct));
        Assert.True(held.Lost.IsCancellationRequested);
        Assert.False(await held.RenewAsync(table, Ct));
        Assert.Equal(Lease.TrimHorizon, Assert.Single(await table.ListAsync(Ct)).Checkpoint);
    }

    [Fact]
    public async Task Creating_leases_again_keeps_their_owners_and_checkpoints()
    {
        var table = await CreateAsync();
        await table.EnsureAsync(["shardId-000000000000"], Ct);
        var taken = (await table.TryTakeAsync(Assert.Single(await table.ListAsync(Ct)), "w", Ct))!;
        await table.TryCheckpointAsync(taken, "123", null, Ct);

        await table.EnsureAsync(["shardId-000000000000", "shardId-000000000001"], Ct);

        var leases = (await table.ListAsync(Ct)).OrderBy(l => l.ShardId).ToList();
        Assert.Equal(("w", "123"), (leases[0].Owner, leases[0].Checkpoint));
        Assert.Equal((null, Lease.TrimHorizon), (leases[1].Owner, leases[1].Checkpoint));
    }

    private async Task<LeaseTable> CreateAsync()
    {
        var resources = await emulators.ProvisionAsync("leases");
        return new LeaseTable(emulators.DynamoDb, resources);
    }
}
