using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>The shard iterator is older than five minutes (Kinesis ExpiredIteratorException).</summary>
public sealed class ExpiredIteratorException(string message, HttpStatusCode statusCode)
    : KinesisException(message, "ExpiredIteratorException", statusCode);
