using Microsoft.AspNetCore.Authorization;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>An authorization requirement: the token must grant <see cref="Scope"/>.</summary>
/// <param name="Scope">The scope needed, such as events:write.</param>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;
