using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>The stream is not in a state that allows the call (Kinesis ResourceInUseException).</summary>
public sealed class ResourceInUseException(string message, HttpStatusCode statusCode)
    : KinesisException(message, "ResourceInUseException", statusCode);
