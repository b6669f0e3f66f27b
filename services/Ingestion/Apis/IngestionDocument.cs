using Testbed.ServiceDefaults.Alarms;
using Testbed.ServiceDefaults.OpenApi;

namespace Testbed.Ingestion.Apis;

/// <summary>What the Ingestion service's OpenAPI document says about it.</summary>
public static class IngestionDocument
{
    /// <summary>The title, description and tag descriptions.</summary>
    public static readonly ApiDocument About = new(
        "Testbed Ingestion",
        "Accepts events and dataset files, validates them and puts them on the Kinesis stream. A 202 means Kinesis has the record; "
        + "the processors make it queryable through the Api a moment later (poll GET /events/{id} there, or watch GET /pipeline/status). "
        + "Every error is RFC 7807 problem details naming the field at fault, and a rejected request writes nothing. "
        + "Every endpoint needs a bearer access token granting events:write (OAuth2 client credentials at the issuer's token endpoint): "
        + "401 without a valid one, 403 without the scope, each saying why.",
        new Dictionary<string, string>
        {
            ["Events"] = "Single events and batches (a JSON array or NDJSON), each put on the stream as one record.",
            ["Datasets"] = "CSV or NDJSON files: the file is kept in the lake and each row becomes an event of the dataset.",
            [AlarmsExtensions.Tag] = AlarmsExtensions.TagDescription,
        });
}
