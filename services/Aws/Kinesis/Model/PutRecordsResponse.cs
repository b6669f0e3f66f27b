namespace Testbed.Aws.Kinesis.Model;

/// <summary>Output of PutRecords: one result per record, in request order; failures are per record.</summary>
public sealed record PutRecordsResponse
{
    /// <summary>How many records failed; the call itself succeeded.</summary>
    public int FailedRecordCount { get; init; }

    /// <summary>The results, one per request record, in the same order.</summary>
    public IReadOnlyList<PutRecordsResultEntry> Records { get; init; } = [];
}
