using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;

namespace Testbed.Aws.Tests.Kinesis;

/// <summary>Paging logic (kinesalite answers ListShards in one page, so the token-following is checked against a scripted answerer).</summary>
public sealed class ShardListingTests
{
    [Fact]
    public async Task Later_pages_send_the_token_alone_and_all_pages_are_joined()
    {
        var pages = new PagedShards(["shardId-0", "shardId-1", "shardId-2", "shardId-3", "shardId-4"], pageSize: 2);

        var shards = await pages.ListAllShardsAsync("orders", pageSize: 2, TestContext.Current.CancellationToken);

        Assert.Equal(["shardId-0", "shardId-1", "shardId-2", "shardId-3", "shardId-4"], shards.Select(s => s.ShardId));
        Assert.Equal(3, pages.Requests.Count);
        Assert.Equal("orders", pages.Requests[0].StreamName);
        Assert.All(pages.Requests.Skip(1), r =>
        {
            Assert.Null(r.StreamName);
            Assert.NotNull(r.NextToken);
        });
    }

    private sealed class PagedShards(string[] ids, int pageSize) : IKinesisClient
    {
        public List<ListShardsRequest> Requests { get; } = [];

        public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            var start = request.NextToken is null ? 0 : int.Parse(request.NextToken, System.Globalization.CultureInfo.InvariantCulture);
            var page = ids.Skip(start).Take(pageSize).Select(id => new Shard
            {
                ShardId = id,
                HashKeyRange = new HashKeyRange { StartingHashKey = "0", EndingHashKey = "1" },
                SequenceNumberRange = new SequenceNumberRange { StartingSequenceNumber = "0" },
            }).ToList();
            var next = start + pageSize < ids.Length ? (start + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new ListShardsResponse { Shards = page, NextToken = next });
        }

        public Task CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
