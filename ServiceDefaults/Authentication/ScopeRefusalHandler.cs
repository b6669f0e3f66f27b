using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Answers a valid token that lacks the endpoint's scope with a 403 naming the scope; everything else goes to the framework's handler (a 401 is the bearer handler's challenge).</summary>
internal sealed class ScopeRefusalHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().FirstOrDefault() is { } missing
            ? AuthProblems.WriteForbiddenAsync(context, missing.Scope)
            : _framework.HandleAsync(next, context, policy, authorizeResult);
}
