using System.Net.Http.Headers;
using Testbed.Web.Account;
using Testbed.Web.Clients.Model;

namespace Testbed.Web.Clients;

/// <summary>The ingestion as the front uses it: dataset uploads.</summary>
public sealed class IngestionClient(HttpClient http, SignedInUser user) : ServiceClient(http, user, "ingestion")
{
    /// <summary>Uploads a dataset file (text/csv or application/x-ndjson) under a name; refusals (415, 503 during a Kinesis outage, …) come as a <see cref="ProblemException"/>.</summary>
    public Task<DatasetUploadView> UploadDatasetAsync(string name, Stream file, string mediaType, CancellationToken cancellationToken)
    {
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/datasets/" + Uri.EscapeDataString(name)) { Content = content };
        return ReadAsync<DatasetUploadView>(request, "Upload dataset", cancellationToken);
    }
}
