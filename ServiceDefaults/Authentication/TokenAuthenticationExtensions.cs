using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>JWT bearer authentication from Auth:Issuer and Auth:Audience alone, with one policy per scope, for the services that take callers' requests.</summary>
public static class TokenAuthenticationExtensions
{
    /// <summary>Registers bearer-token validation against the issuer's published keys, the scope policies and the problem-details refusals; start-up fails while Auth:Issuer or Auth:Audience is missing.</summary>
    public static TBuilder AddTokenAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<TokenAuthenticationOptions>()
            .BindConfiguration(TokenAuthenticationOptions.SectionName)
            .Validate(o => Uri.TryCreate(o.Issuer, UriKind.Absolute, out var issuer) && issuer.Scheme is "http" or "https", MissingIssuer)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), MissingAudience)
            .Validate(o => o.ClockSkew >= TimeSpan.Zero, "Auth:ClockSkew must not be negative (it is how far token times may be off; 00:00:30 by default).")
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddSingleton<BearerEvents>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenAuthenticationOptions>>((jwt, auth) => Configure(jwt, auth.Value));

        builder.Services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeRefusalHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessScopes.Read, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(AccessScopes.Read)))
            .AddPolicy(AccessScopes.Write, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(AccessScopes.Write)));
        return builder;
    }

    private const string MissingIssuer = "Auth:Issuer is not set to an http(s) URL. The service accepts only bearer tokens from an issuer: set Auth__Issuer "
        + "to its URL, the tokens' iss (the AppHost sets it to its identity resource; on AWS the Cognito user pool, https://cognito-idp.<region>.amazonaws.com/<poolId>).";

    private const string MissingAudience = "Auth:Audience is not set. Set Auth__Audience to the audience the tokens are for "
        + "(the AppHost sets 'testbed'; on AWS the Cognito app client's id, which Cognito access tokens carry as client_id).";

    private static void Configure(JwtBearerOptions jwt, TokenAuthenticationOptions auth)
    {
        var issuer = auth.NormalizedIssuer;
        var audience = auth.Audience ?? string.Empty;
        jwt.Authority = issuer;
        jwt.MetadataAddress = issuer + "/.well-known/openid-configuration";
        jwt.RequireHttpsMetadata = issuer.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

        // Claim names as the token has them (scope, client_id), not mapped to long URIs.
        jwt.MapInboundClaims = false;

        // One RSA verification per token rather than per request: at 2,000 requests/s it was a fifth of ingestion's CPU (dotnet-trace, 2026-11-28).
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new ValidatedTokenCache(TimeProvider.System) { MapInboundClaims = false });
        jwt.EventsType = typeof(BearerEvents);
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateIssuer = true,
            ValidateAudience = true,
            AudienceValidator = (audiences, token, _) => IsForAudience(audiences, token, audience),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = AccessTokenRules.ClientIdClaim,
        };
    }

    private static bool IsForAudience(IEnumerable<string> audiences, SecurityToken token, string audience)
    {
        var list = audiences.ToList();
        var clientId = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(AccessTokenRules.ClientIdClaim, out var id) ? id : null;
        if (AccessTokenRules.IsForAudience(list, clientId, audience))
        {
            return true;
        }

        // Thrown rather than returned, so the refusal can say whose token it was (the framework's own exception would carry an empty aud).
        var holder = list.Count > 0 ? string.Join(", ", list) : $"client {clientId ?? "(none)"}";
        throw new SecurityTokenInvalidAudienceException($"The token is for {holder}, not {audience}.") { InvalidAudience = holder };
    }
}
