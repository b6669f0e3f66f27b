using Testbed.ServiceDefaults.OpenApi;

namespace Testbed.Processor.Apis;

/// <summary>What a processor instance's OpenAPI document says about it.</summary>
public static class ProcessorDocument
{
    /// <summary>The title, description and tag descriptions.</summary>
    public static readonly ApiDocument About = new(
        "Testbed Processor",
        "One processor instance: it holds leases on shards of the stream, reads them, and stores events in S3 and DynamoDB. "
        + "The pipeline-wide view is the Api's GET /pipeline/status.",
        new Dictionary<string, string>
        {
            ["Leases"] = "The shards this instance reads now.",
        });
}
