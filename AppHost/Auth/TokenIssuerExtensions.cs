using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Aws;
using Testbed.Infra.Definition;

namespace Testbed.AppHost.Auth;

/// <summary>Adds the bearer-token issuer to the app and hands its settings to the services that validate tokens and to the callers that need one.</summary>
public static class TokenIssuerExtensions
{
    /// <summary>The configuration section read in Aws mode (Auth:Issuer, Auth:Audience, Auth:TokenEndpoint, Auth:ClientId, Auth:ClientSecret).</summary>
    public const string SectionName = "Auth";

    /// <summary>The audience the local issuer's main client stands for.</summary>
    public const string LocalAudience = "testbed";

    /// <summary>The local issuer's client with every scope, and its secret (appsettings.json of services/Identity).</summary>
    public const string LocalClientId = "testbed";

    /// <summary>The local client's secret: a development value, like the emulators' keys.</summary>
    public const string LocalClientSecret = "testbed-local-secret";

    /// <summary>Locally the identity resource (a development issuer shaped like a Cognito user pool); in Aws mode the Cognito user pool Auth:Issuer and Auth:Audience name.</summary>
    public static TokenIssuer AddTokenIssuer(this IDistributedApplicationBuilder builder, AwsEnvironment aws)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(aws);
        return aws.Mode == AwsMode.Aws ? Cognito(builder) : AddIdentity(builder);
    }

    /// <summary>Gives a service Auth__Issuer and Auth__Audience, and makes it wait for the local issuer.</summary>
    public static IResourceBuilder<T> WithTokenValidation<T>(this IResourceBuilder<T> builder, TokenIssuer issuer)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Resource is not null)
        {
            builder.WaitFor(issuer.Resource);
        }

        return builder.WithEnvironment(context =>
        {
            context.EnvironmentVariables["Auth__Issuer"] = issuer.Issuer;
            context.EnvironmentVariables["Auth__Audience"] = issuer.Audience;
        });
    }

    /// <summary>Gives a caller of Ingestion and the Api (the web front) Auth__TokenEndpoint, Auth__ClientId and Auth__ClientSecret, to get tokens by client credentials, and on Cognito Auth__ScopePrefix.</summary>
    public static IResourceBuilder<T> WithTokenClient<T>(this IResourceBuilder<T> builder, TokenIssuer issuer)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.TokenEndpoint is not { } endpoint || issuer.ClientId is not { } clientId || issuer.ClientSecret is not { } secret)
        {
            throw new InvalidOperationException(
                $"{builder.Resource.Name} needs a token client, and none is configured: in Aws mode set Auth:TokenEndpoint (https://<domain>.auth.<region>.amazoncognito.com/oauth2/token), "
                + "Auth:ClientId (the stack's output UserPoolClientId) and Auth:ClientSecret (the app client's secret: dotnet user-secrets set Auth:ClientSecret … in AppHost/).");
        }

        if (issuer.Resource is not null)
        {
            builder.WaitFor(issuer.Resource);
        }

        return builder.WithEnvironment(context =>
        {
            context.EnvironmentVariables["Auth__TokenEndpoint"] = endpoint;
            context.EnvironmentVariables["Auth__ClientId"] = clientId;
            context.EnvironmentVariables["Auth__ClientSecret"] = secret;
            if (issuer.ScopePrefix.Length > 0)
            {
                context.EnvironmentVariables["Auth__ScopePrefix"] = issuer.ScopePrefix;
            }
        });
    }

    private static TokenIssuer AddIdentity(IDistributedApplicationBuilder builder)
    {
        var identity = builder.AddProject<Projects.Testbed_Identity>("identity").WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/.well-known/openid-configuration", DisplayText = "OpenID configuration" });
        var endpoint = identity.GetEndpoint("http");

        // The tokens' iss must be the URL the services are given: the endpoint as the AppHost allocated it, not the port the process listens on behind the proxy.
        identity.WithEnvironment("Identity__Issuer", endpoint);
        foreach (var setting in builder.Configuration.GetSection("Identity").AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
        {
            identity.WithEnvironment($"Identity__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
        }

        return new TokenIssuer(endpoint, LocalAudience, identity)
        {
            TokenEndpoint = ReferenceExpression.Create($"{endpoint}/oauth2/token"),
            ClientId = LocalClientId,
            ClientSecret = LocalClientSecret,
        };
    }

    private static TokenIssuer Cognito(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var issuer = section["Issuer"];
        var audience = section["Audience"];
        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(audience))
        {
            throw new InvalidOperationException(
                $"In Aws mode the services accept tokens from a Cognito user pool, and Auth:{(string.IsNullOrWhiteSpace(issuer) ? "Issuer" : "Audience")} is not set. "
                + "Set --Auth:Issuer=https://cognito-idp.<region>.amazonaws.com/<poolId> and --Auth:Audience=<app client id> "
                + "(the CloudFormation stack's outputs UserPoolIssuerUrl and UserPoolClientId).");
        }

        var secret = section["ClientSecret"];
        return new TokenIssuer(issuer, audience, null)
        {
            TokenEndpoint = NullIfBlank(section["TokenEndpoint"]),
            ClientId = NullIfBlank(section["ClientId"]) ?? audience,
            ClientSecret = string.IsNullOrWhiteSpace(secret) ? null : builder.AddParameter("auth-client-secret", secret, secret: true).Resource,
            ScopePrefix = UserPoolDefinition.For(builder.Configuration["Pipeline:Prefix"] ?? "testbed").ResourceServer + "/",
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
