using System.Collections.Concurrent;
using System.Diagnostics;
using Testbed.Aws.Kinesis;
using Testbed.Aws.Kinesis.Model;

namespace Testbed.Processor.Tests;

/// <summary>The real Kinesis client, noting when each GetRecords began, how many found records, and how many iterators were asked for (one per start from a checkpoint).</summary>
public sealed class CountingKinesis(IKinesisClient inner) : IKinesisClient
{
    private int _pagesWithRecords;
    private int _iterators;

    /// <summary>When each GetRecords began (Stopwatch timestamps).</summary>
    public ConcurrentBag<long> ReadStarts { get; } = [];

    /// <summary>GetRecords calls that returned records.</summary>
    public int PagesWithRecords => Volatile.Read(ref _pagesWithRecords);

    /// <summary>GetShardIterator calls: the consumer asks for one each time it (re)starts from its checkpoint.</summary>
    public int Iterators => Volatile.Read(ref _iterators);

    /// <inheritdoc />
    public async Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default)
    {
        ReadStarts.Add(Stopwatch.GetTimestamp());
        var page = await inner.GetRecordsAsync(request, cancellationToken).ConfigureAwait(false);
        if (page.Records.Count > 0)
        {
            Interlocked.Increment(ref _pagesWithRecords);
        }

        return page;
    }

    /// <inheritdoc />
    public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _iterators);
        return inner.GetShardIteratorAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) => inner.CreateStreamAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default) => inner.DeleteStreamAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) => inner.DescribeStreamSummaryAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) => inner.ListStreamsAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default) => inner.ListShardsAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) => inner.PutRecordAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) => inner.PutRecordsAsync(request, cancellationToken);
}
