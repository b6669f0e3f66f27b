using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Puts endpoints behind a scope; endpoints without it stay open (health, documents, schemas, alarms).</summary>
public static class ScopeEndpointExtensions
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Requires a bearer token granting <paramref name="scope"/> (one of <see cref="AccessScopes"/>), and documents the 401 and 403 answers.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!AccessScopes.All.ContainsKey(scope))
        {
            throw new ArgumentException($"'{scope}' is not a scope the services know; use one of {string.Join(", ", AccessScopes.All.Keys)}.", nameof(scope));
        }

        return builder.RequireAuthorization(scope).WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ProblemJson),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ProblemJson));
    }
}
