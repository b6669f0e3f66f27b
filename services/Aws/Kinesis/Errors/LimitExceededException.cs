using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>An account or request limit was exceeded (Kinesis LimitExceededException).</summary>
public sealed class LimitExceededException(string message, HttpStatusCode statusCode)
    : KinesisException(message, "LimitExceededException", statusCode);
