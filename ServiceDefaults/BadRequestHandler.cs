using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Testbed.ServiceDefaults;

/// <summary>
/// Answers a request the framework could not bind (a query value of the wrong type, a body that is not JSON, a body too
/// large) with 400 (or its own status) and problem details naming the parameter, instead of a 500.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // A 400 lists the field under errors, as the endpoints' own validation does; other refusals (413, 415) carry a detail and the field.
        var field = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Content-Type" : FieldOf(bad.Message);
        var problem = bad.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [bad.Message] })
            : new ProblemDetails { Detail = bad.Message, Extensions = { ["field"] = field } };
        problem.Status = bad.StatusCode;
        problem.Title = "The request is not valid.";
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem }).ConfigureAwait(false);
    }

    // The framework names the parameter in its message: Failed to bind parameter "int? limit" from "x".
    private static string FieldOf(string message) =>
        message.Contains("request body", StringComparison.Ordinal) || ParameterName().Match(message) is not { Success: true } match
            ? "body"
            : match.Groups[1].Value;

    [GeneratedRegex("""parameter "(?:[^"]* )?([^" ]+)" """, RegexOptions.None, 1000)]
    private static partial Regex ParameterName();
}
