using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>The shard's or stream's throughput limit was exceeded (Kinesis ProvisionedThroughputExceededException).</summary>
public sealed class ProvisionedThroughputExceededException(string message, HttpStatusCode statusCode)
    : KinesisException(message, "ProvisionedThroughputExceededException", statusCode);
