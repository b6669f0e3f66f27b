using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>A parameter is not valid (Kinesis InvalidArgumentException).</summary>
public sealed class InvalidArgumentException(string message, HttpStatusCode statusCode)
    : KinesisException(message, "InvalidArgumentException", statusCode);
