using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>The stream or shard does not exist (Kinesis ResourceNotFoundException).</summary>
public sealed class ResourceNotFoundException(string message, HttpStatusCode statusCode)
    : KinesisException(message, "ResourceNotFoundException", statusCode);
