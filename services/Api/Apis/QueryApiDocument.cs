using Testbed.ServiceDefaults.Alarms;
using Testbed.ServiceDefaults.OpenApi;

namespace Testbed.Api.Apis;

/// <summary>What the query Api's OpenAPI document says about it.</summary>
public static class QueryApiDocument
{
    /// <summary>The title, description and tag descriptions.</summary>
    public static readonly ApiDocument About = new(
        "Testbed Api",
        "Reads what the processors stored in DynamoDB: events by id or by type and time, per-minute aggregates, dataset rows and column statistics, "
        + "the pipeline's status, and the published JSON Schemas of the stored formats. Data is asynchronous: an accepted event or dataset row is queryable once the processors have stored it, "
        + "so a 404 right after an upload means not yet; retry, or compare the checkpoints in GET /pipeline/status. "
        + "Reads need a bearer access token granting events:read, edits and deletes one granting events:write (OAuth2 client credentials at the issuer's token endpoint): "
        + "401 without a valid token, 403 without the scope, each saying why. The schemas are open.",
        new Dictionary<string, string>
        {
            ["Events"] = "Stored events: read one (with its version as the ETag), list by type and time, replace or delete with If-Match.",
            ["Aggregates"] = "Per-minute windows of an event type: count and, for each numeric field, sum, min and max.",
            ["Datasets"] = "Rows of uploaded datasets and statistics of their columns.",
            ["Pipeline"] = "How far the processors are behind each shard, who owns it, and how fresh the stored data is.",
            ["Schemas"] = "The JSON Schemas of the record on the stream and in the lake, for other producers and consumers.",
            [AlarmsExtensions.Tag] = "The API call alarms of the Api and of the ingestion service (5xx share, call counts, p99 latency), with CloudWatch's states.",
        });
}
