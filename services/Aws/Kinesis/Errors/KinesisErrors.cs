using System.Net;

namespace Testbed.Aws.Kinesis.Errors;

/// <summary>Maps Kinesis error answers to typed exceptions and says which of them are worth a retry.</summary>
public static class KinesisErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException",
        "LimitExceededException",
        "ThrottlingException",
        "Throttling",
        "KMSThrottlingException",
    };

    /// <summary>The exception for an error code and message; unknown codes get the base type.</summary>
    public static KinesisException Create(string errorCode, string message, HttpStatusCode status) => errorCode switch
    {
        "ResourceNotFoundException" => new ResourceNotFoundException(message, status),
        "ResourceInUseException" => new ResourceInUseException(message, status),
        "ProvisionedThroughputExceededException" => new ProvisionedThroughputExceededException(message, status),
        "ExpiredIteratorException" => new ExpiredIteratorException(message, status),
        "InvalidArgumentException" => new InvalidArgumentException(message, status),
        "LimitExceededException" => new LimitExceededException(message, status),
        _ => new KinesisException(message, errorCode, status),
    };

    /// <summary>The code from a JSON "__type", which may carry a namespace before '#'.</summary>
    public static string CodeFromType(string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return "UnknownError";
        }

        var hash = type.LastIndexOf('#');
        var code = hash < 0 ? type : type[(hash + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? code : code[..colon];
    }

    /// <summary>Throttling and server-side failures are retried; client errors never are.</summary>
    public static bool IsRetryable(KinesisException error) =>
        ThrottlingCodes.Contains(error.ErrorCode) || (int)error.StatusCode >= 500;
}
