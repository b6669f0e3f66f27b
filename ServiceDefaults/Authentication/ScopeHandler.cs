using Microsoft.AspNetCore.Authorization;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Meets a <see cref="ScopeRequirement"/> when the caller's token grants the scope.</summary>
internal sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (AccessTokenRules.HasScope(context.User, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
