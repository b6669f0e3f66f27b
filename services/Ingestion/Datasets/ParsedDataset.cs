using System.Text.Json;

namespace Testbed.Ingestion.Datasets;

/// <summary>An uploaded file read into rows: each accepted row as a JSON object, and the rejected ones with their lines.</summary>
public sealed record ParsedDataset(IReadOnlyList<JsonElement> Rows, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<string> Columns);
