using Microsoft.Extensions.Options;
using Testbed.Identity.Clients;

namespace Testbed.Identity.Apis;

/// <summary>The issuer's own URL: Identity:Issuer when set (what the services are configured with), else the base URL the request came to.</summary>
public static class IssuerUrl
{
    /// <summary>The URL, without a trailing slash.</summary>
    public static string Of(HttpRequest request, IOptions<IssuerOptions> options) =>
        (string.IsNullOrWhiteSpace(options.Value.Issuer) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.Value.Issuer).TrimEnd('/');
}
