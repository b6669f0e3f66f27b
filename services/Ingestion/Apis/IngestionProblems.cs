using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Testbed.Ingestion.Apis;

/// <summary>The problem details ingestion answers with, shared by the event and dataset endpoints.</summary>
public static class IngestionProblems
{
    /// <summary>What the Retry-After header of a 503 says.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>413, naming the field at fault.</summary>
    public static ProblemHttpResult TooLarge(string field, string detail) => TypedResults.Problem(
        detail,
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too large.",
        extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>415, saying what the endpoint takes instead.</summary>
    public static ProblemHttpResult UnsupportedMediaType(HttpRequest request, string expected) => TypedResults.Problem(
        $"Content-Type '{request.ContentType ?? "(none)"}' is not accepted here; send {expected}.",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type.",
        extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" });

    /// <summary>503 with Retry-After: Kinesis did not take what the request sent.</summary>
    public static ProblemHttpResult Unavailable(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Kinesis is unavailable.");
    }
}
