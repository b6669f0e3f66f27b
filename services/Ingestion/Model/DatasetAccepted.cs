using Testbed.Ingestion.Datasets;

namespace Testbed.Ingestion.Model;

/// <summary>The answer to a dataset upload: where the raw file is, how many rows went into the stream, and which were rejected.</summary>
public sealed record DatasetAccepted(string Dataset, string ObjectKey, int Rows, IReadOnlyList<string> Columns, IReadOnlyList<RejectedRow> Rejected);
