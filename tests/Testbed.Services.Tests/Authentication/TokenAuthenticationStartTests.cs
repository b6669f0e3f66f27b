using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Services.Tests.Authentication;

/// <summary>A service that validates tokens does not start without knowing whose: no silent "auth off".</summary>
public sealed class TokenAuthenticationStartTests
{
    [Theory]
    [InlineData(null, "testbed", "Auth:Issuer is not set")]
    [InlineData("not a url", "testbed", "Auth:Issuer is not set")]
    [InlineData("http://127.0.0.1:5070", null, "Auth:Audience is not set")]
    public async Task Start_up_fails_naming_the_missing_setting_and_the_fix(string? issuer, string? audience, string message)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Auth:Issuer"] = issuer;
        builder.Configuration["Auth:Audience"] = audience;
        builder.AddTokenAuthentication();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth__", error.Message, StringComparison.Ordinal);
    }
}
