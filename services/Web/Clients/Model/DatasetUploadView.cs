namespace Testbed.Web.Clients.Model;

/// <summary>The ingestion's answer to an upload: the raw file's key, the rows put on the stream, the columns, the rejected lines.</summary>
public sealed record DatasetUploadView(string Dataset, string ObjectKey, int Rows, IReadOnlyList<string> Columns, IReadOnlyList<RejectedRowView> Rejected);
