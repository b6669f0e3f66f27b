using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>An error answer from Kinesis, with AWS's error code and the HTTP status.</summary>
public class KinesisException(string message, string errorCode, HttpStatusCode statusCode, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>AWS's error code, such as ResourceNotFoundException.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
