using Microsoft.AspNetCore.Authentication.Cookies;
using Testbed.ServiceDefaults.Authentication;
using Testbed.Web.Account;
using Testbed.Web.Clients;

namespace Testbed.Web.Extensions;

/// <summary>Registers the front: Razor components, the cookie sign-in, the token client and the typed clients of the Api and the ingestion.</summary>
public static class WebFrontExtensions
{
    // The AppHost's resource names: service discovery turns them into the services' addresses.
    private static readonly Uri ApiAddress = new("http://api");
    private static readonly Uri IngestionAddress = new("http://ingestion");

    /// <summary>Adds everything the front needs to the builder.</summary>
    public static WebApplicationBuilder AddWebFront(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/signin";
                options.Cookie.Name = "testbed.front";
                // The cookie lives as long as the access token in it: an expired token sends the person back to sign in.
                options.SlidingExpiration = false;
            });
        builder.Services.AddAuthorization();

        builder.Services.AddOptions<TokenClientOptions>().BindConfiguration(TokenAuthenticationOptions.SectionName);
        builder.Services.AddHttpClient<TokenClient>();
        builder.Services.AddScoped<SignedInUser>();
        builder.Services.AddHttpClient<QueryApiClient>(http => http.BaseAddress = ApiAddress)
            .AddServiceDiscovery();
        builder.Services.AddHttpClient<IngestionClient>(http =>
            {
                http.BaseAddress = IngestionAddress;
                http.Timeout = TimeSpan.FromMinutes(5);
            })
            .AddServiceDiscovery();
        return builder;
    }
}
