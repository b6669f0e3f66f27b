namespace Testbed.Ingestion.Datasets;

/// <summary>A row of an uploaded file that was not accepted, with its line number (the header is line 1 of a CSV).</summary>
public sealed record RejectedRow(long Line, string Error);
