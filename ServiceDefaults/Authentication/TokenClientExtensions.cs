using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>For a service that calls Ingestion or the Api (the web front): its HTTP clients send an access token got by client credentials from the Auth settings.</summary>
public static class TokenClientExtensions
{
    private const string TokenEndpointClient = "testbed-token-endpoint";

    /// <summary>Adds a bearer token to every request of the client, from Auth:TokenEndpoint, Auth:ClientId and Auth:ClientSecret (the AppHost's WithTokenClient sets them).</summary>
    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TokenClientOptions>().BindConfiguration(TokenAuthenticationOptions.SectionName);
        services.AddHttpClient(TokenEndpointClient);
        services.AddSingleton(sp => new ClientCredentialsTokenSource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenEndpointClient),
            sp.GetRequiredService<IOptions<TokenClientOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddTransient<BearerTokenHandler>();
        return builder.AddHttpMessageHandler<BearerTokenHandler>();
    }
}
