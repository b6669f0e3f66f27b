using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Testbed.Infra.Definition;
using Testbed.Records.Leases;

namespace Testbed.Processor.Leases;

/// <summary>The lease rows in DynamoDB; every change is conditional on the counter, as the Kinesis Client Library does it.</summary>
public sealed class LeaseTable(IAmazonDynamoDB dynamo, PipelineResources resources)
{
    private const string Key = LeaseAttributes.Key;
    private const string Owner = LeaseAttributes.Owner;
    private const string Counter = LeaseAttributes.Counter;
    private const string Checkpoint = LeaseAttributes.Checkpoint;
    private string Table => resources.Leases.Name;

    /// <summary>Creates the lease of each shard that has none yet.</summary>
    public async Task EnsureAsync(IEnumerable<string> shardIds, CancellationToken cancellationToken)
    {
        foreach (var shardId in shardIds)
        {
            try
            {
                await dynamo.PutItemAsync(new PutItemRequest
                {
                    TableName = Table,
                    Item = new()
                    {
                        [Key] = new() { S = shardId },
                        [Counter] = new() { N = "0" },
                        [Checkpoint] = new() { S = Lease.TrimHorizon },
                    },
                    ConditionExpression = "attribute_not_exists(leaseKey)",
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ConditionalCheckFailedException)
            {
                // Another worker created it first.
            }
        }
    }

    /// <summary>Every lease, read consistently.</summary>
    public async Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken)
    {
        var leases = new List<Lease>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = Table, ConsistentRead = true, ExclusiveStartKey = start }, cancellationToken).ConfigureAwait(false);
            leases.AddRange((page.Items ?? []).Select(Read));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return leases;
    }

    /// <summary>Takes the lease if it is still as observed; the new lease, or null when someone else moved first.</summary>
    public Task<Lease?> TryTakeAsync(Lease observed, string worker, CancellationToken cancellationToken) =>
        UpdateAsync(observed, worker, observed.Checkpoint, "leaseCounter = :counter", null, cancellationToken);

    /// <summary>Renews a held lease; null when it was lost.</summary>
    public Task<Lease?> TryRenewAsync(Lease held, CancellationToken cancellationToken) =>
        UpdateAsync(held, held.Owner!, held.Checkpoint, "leaseOwner = :owner AND leaseCounter = :counter", null, cancellationToken);

    /// <summary>Records progress on a held lease; null when it was lost (the work will be redone by the new owner).</summary>
    public Task<Lease?> TryCheckpointAsync(Lease held, string sequenceNumber, ShardProgress? progress, CancellationToken cancellationToken) =>
        UpdateAsync(held, held.Owner!, sequenceNumber, "leaseOwner = :owner AND leaseCounter = :counter", progress, cancellationToken);

    /// <summary>Gives a held lease up, so another worker can take it at once.</summary>
    public async Task ReleaseAsync(Lease held, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = new() { [Key] = new() { S = held.ShardId } },
                UpdateExpression = "REMOVE leaseOwner SET leaseCounter = leaseCounter + :one",
                ConditionExpression = "leaseOwner = :owner AND leaseCounter = :counter",
                ExpressionAttributeValues = new()
                {
                    [":one"] = new() { N = "1" },
                    [":owner"] = new() { S = held.Owner },
                    [":counter"] = new() { N = held.Counter.ToString(CultureInfo.InvariantCulture) },
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already someone else's.
        }
    }

    private async Task<Lease?> UpdateAsync(Lease observed, string owner, string checkpoint, string condition, ShardProgress? progress, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":owner"] = new() { S = owner },
            [":counter"] = new() { N = observed.Counter.ToString(CultureInfo.InvariantCulture) },
            [":next"] = new() { N = (observed.Counter + 1).ToString(CultureInfo.InvariantCulture) },
            [":checkpoint"] = new() { S = checkpoint },
        };
        var update = "SET leaseOwner = :owner, leaseCounter = :next, #checkpoint = :checkpoint";
        if (progress is not null)
        {
            update += $", {LeaseAttributes.CheckpointedAt} = :at";
            values[":at"] = new() { S = progress.CheckpointedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
            if (progress.Freshness.Count > 0)
            {
                // Without new samples the last ones stay: the status keeps only those of the last minute.
                update += $", {LeaseAttributes.Freshness} = :freshness";
                values[":freshness"] = new() { S = FreshnessSamples.Write(progress.Freshness.Select(f => (f.StoredAt.ToUnixTimeMilliseconds(), f.Milliseconds))) };
            }
            if (progress.DeadLetters > 0)
            {
                update += $" ADD {LeaseAttributes.DeadLetters} :dead";
                values[":dead"] = new() { N = progress.DeadLetters.ToString(CultureInfo.InvariantCulture) };
            }
        }

        try
        {
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = new() { [Key] = new() { S = observed.ShardId } },
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = new() { ["#checkpoint"] = Checkpoint },
                ExpressionAttributeValues = values,
            }, cancellationToken).ConfigureAwait(false);
            return new Lease(observed.ShardId, owner, observed.Counter + 1, checkpoint);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    private static Lease Read(Dictionary<string, AttributeValue> item) => new(
        item[Key].S,
        item.TryGetValue(Owner, out var owner) ? owner.S : null,
        long.Parse(item[Counter].N, CultureInfo.InvariantCulture),
        item.TryGetValue(Checkpoint, out var checkpoint) ? checkpoint.S : Lease.TrimHorizon);
}
