using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Writes the 401 and 403 answers as RFC 7807 problem details, with RFC 6750's WWW-Authenticate header.</summary>
internal static class AuthProblems
{
    /// <summary>401: no token, or one that failed validation, with the reason.</summary>
    public static Task WriteUnauthorizedAsync(HttpContext http, TokenRefusal refusal)
    {
        // RFC 6750 3.1: a request without credentials gets no error code; a refused token gets invalid_token.
        http.Response.Headers.WWWAuthenticate = refusal.Reason == "missing"
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{Quoted(refusal.Detail)}\"";
        return WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "A valid bearer token is needed.",
            Detail = refusal.Detail,
            Extensions = { ["reason"] = refusal.Reason },
        });
    }

    /// <summary>403: a valid token without the scope the endpoint needs; names the scope and what the token has.</summary>
    public static Task WriteForbiddenAsync(HttpContext http, string required)
    {
        var granted = AccessTokenRules.ScopesOf(http.User);
        http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{required}\"";
        return WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "The token lacks a scope this needs.",
            Detail = $"{http.Request.Method} {http.Request.Path} needs the scope '{required}'; the token grants {(granted.Count == 0 ? "no scope" : string.Join(", ", granted.Select(s => $"'{s}'")))}. Get a token for a client allowed '{required}'.",
            Extensions = { ["reason"] = "scope", ["requiredScope"] = required, ["grantedScopes"] = granted },
        });
    }

    private static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).ConfigureAwait(false);
    }

    private static string Quoted(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
