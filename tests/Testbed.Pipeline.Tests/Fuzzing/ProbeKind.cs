namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>What a 2xx answer to a probe means for the stores, so the ledger knows what to expect there.</summary>
public enum ProbeKind
{
    /// <summary>POST /events: one record on the stream.</summary>
    Event,

    /// <summary>POST /events/batch: a record per accepted item.</summary>
    Batch,

    /// <summary>POST /datasets/{name}: a raw file in S3 and a record per row.</summary>
    Dataset,

    /// <summary>A GET: nothing is written.</summary>
    Read,

    /// <summary>PUT or DELETE /events/{id}: the item may change.</summary>
    Edit,
}
