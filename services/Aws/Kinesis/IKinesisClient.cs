using Testbed.Aws.Kinesis.Model;

namespace Testbed.Aws.Kinesis;

/// <summary>The Kinesis Data Streams operations Testbed uses, named and shaped as in AWSSDK.Kinesis.</summary>
public interface IKinesisClient
{
    /// <summary>Creates a provisioned stream.</summary>
    Task CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stream.</summary>
    Task DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default);

    /// <summary>A stream's status and shard count.</summary>
    Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default);

    /// <summary>The account's streams.</summary>
    Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default);

    /// <summary>One page of a stream's shards.</summary>
    Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Writes one record.</summary>
    Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default);

    /// <summary>Writes up to 500 records; each may fail on its own, see <see cref="PutRecordsResponse.FailedRecordCount"/>.</summary>
    Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default);

    /// <summary>An iterator to read a shard from a position.</summary>
    Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads records from an iterator's position.</summary>
    Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default);
}
