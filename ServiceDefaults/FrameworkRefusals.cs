using Microsoft.AspNetCore.Http;

namespace Testbed.ServiceDefaults;

/// <summary>Adds what a bare refusal of the framework (a status without a body, made problem details by the status code pages) leaves out: the reason and the field at fault.</summary>
internal static class FrameworkRefusals
{
    /// <summary>Fills in the detail and field of a 415 or 404 the framework answered without one.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null || context.Exception is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        switch (problem.Status)
        {
            // Only a JSON body the framework binds is refused this way; the endpoints that read their own bodies say more.
            case StatusCodes.Status415UnsupportedMediaType:
                problem.Detail = $"Content-Type '{(string.IsNullOrEmpty(request.ContentType) ? "(none)" : request.ContentType)}' is not read here; send application/json.";
                problem.Extensions["field"] = "Content-Type";
                break;
            case StatusCodes.Status404NotFound:
                problem.Detail = $"No endpoint answers {request.Method} {request.Path}; the OpenAPI document at /openapi/v1.json lists them.";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                problem.Detail = $"{request.Path} does not take {request.Method}; the OpenAPI document at /openapi/v1.json lists what it takes.";
                break;
        }
    }
}
