using Testbed.Identity.Clients;
using Testbed.Identity.Signing;
using Testbed.Identity.Tokens;

namespace Testbed.Identity.Extensions;

/// <summary>The development issuer's own registrations.</summary>
public static class IdentityExtensions
{
    /// <summary>Registers the settings (checked at start), the signing key, the token issuer, the clock, and CORS so a browser's API reference can ask for a token.</summary>
    public static IHostApplicationBuilder AddIdentityIssuer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IssuerOptions>().BindConfiguration(IssuerOptions.SectionName)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Identity:TokenLifetime must be positive, such as 01:00:00.")
            .Validate(o => o.Clients.Count > 0 && o.Clients.Values.All(c => c.Secret.Length > 0), "Identity:Clients needs at least one client, each with a Secret.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Issuer) || Uri.TryCreate(o.Issuer, UriKind.Absolute, out _), "Identity:Issuer must be an absolute URL, the one the services are configured with as Auth:Issuer.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IssuerKey>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
        return builder;
    }
}
