using Testbed.Aws.Kinesis.Model;

namespace Testbed.Aws.Kinesis;

/// <summary>Lists every shard of a stream by following ListShards' NextToken across pages.</summary>
public static class ShardListing
{
    /// <summary>All shards of the stream, in the order the pages give them.</summary>
    public static async Task<IReadOnlyList<Shard>> ListAllShardsAsync(
        this IKinesisClient client,
        string streamName,
        int? pageSize = null,
        CancellationToken cancellationToken = default)
    {
        var shards = new List<Shard>();
        var request = new ListShardsRequest { StreamName = streamName, MaxResults = pageSize };
        while (true)
        {
            var page = await client.ListShardsAsync(request, cancellationToken).ConfigureAwait(false);
            shards.AddRange(page.Shards);
            if (string.IsNullOrEmpty(page.NextToken))
            {
                return shards;
            }

            // AWS rejects StreamName next to NextToken: later pages carry the token alone.
            request = new ListShardsRequest { NextToken = page.NextToken, MaxResults = pageSize };
        }
    }
}
