namespace Testbed.Aws.Kinesis.Model;

/// <summary>A shard: its id, hash key range, sequence range and parents.</summary>
public sealed record Shard
{
    /// <summary>The shard's id, such as shardId-000000000000.</summary>
    public required string ShardId { get; init; }

    /// <summary>The parent shard after a split or merge.</summary>
    public string? ParentShardId { get; init; }

    /// <summary>The other parent after a merge.</summary>
    public string? AdjacentParentShardId { get; init; }

    /// <summary>The partition-key hashes this shard takes.</summary>
    public required HashKeyRange HashKeyRange { get; init; }

    /// <summary>The sequence numbers this shard has given; open-ended while the shard is open.</summary>
    public required SequenceNumberRange SequenceNumberRange { get; init; }
}
