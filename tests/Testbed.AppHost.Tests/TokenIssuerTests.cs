using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Testbed.AppHost.Auth;
using Testbed.AppHost.Aws;

namespace Testbed.AppHost.Tests;

/// <summary>Who issues the tokens, as the AppHost's model says it (built, not started): the identity resource locally, Cognito's settings on AWS.</summary>
public sealed class TokenIssuerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Locally_the_services_validate_tokens_of_the_identity_resource_and_wait_for_it()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>([], Ct).WaitAsync(Bound, Ct);

        var identity = Assert.Single(builder.Resources.OfType<ProjectResource>(), r => r.Name == "identity");
        foreach (var service in new[] { "ingestion", "api" })
        {
            var resource = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == service);
            var variables = await ResourceVariables.ReadAsync(resource);
            Assert.Equal("{identity.bindings.http.url}", variables["Auth__Issuer"]);
            Assert.Equal("testbed", variables["Auth__Audience"]);
            Assert.Contains(resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource == identity);
        }

        // The tokens' iss is the URL the services are given, not the port the process listens on behind the proxy.
        Assert.Equal("{identity.bindings.http.url}", (await ResourceVariables.ReadAsync(identity))["Identity__Issuer"]);
        Assert.DoesNotContain(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "processor").Annotations.OfType<WaitAnnotation>(), w => w.Resource == identity);
    }

    [Fact]
    public async Task A_caller_given_the_token_client_gets_the_token_endpoint_client_id_and_secret()
    {
        var builder = DistributedApplication.CreateBuilder();
        var issuer = builder.AddTokenIssuer(new AwsEnvironment(AwsMode.Embedded));

        var front = builder.AddExecutable("front", "true", ".").WithTokenClient(issuer);

        var caller = await ResourceVariables.ReadAsync(front.Resource);
        Assert.Equal("{identity.bindings.http.url}/oauth2/token", caller["Auth__TokenEndpoint"]);
        Assert.Equal("testbed", caller["Auth__ClientId"]);
        Assert.Equal("testbed-local-secret", caller["Auth__ClientSecret"]);
        Assert.Contains(front.Resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name == "identity");
    }

    [Fact]
    public void In_Aws_mode_a_token_client_without_its_settings_is_refused_naming_them()
    {
        var builder = DistributedApplication.CreateBuilder(["--Auth:Issuer=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf", "--Auth:Audience=client"]);
        var issuer = builder.AddTokenIssuer(new AwsEnvironment(AwsMode.Aws));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddExecutable("front", "true", ".").WithTokenClient(issuer));

        Assert.Contains("Auth:TokenEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Aws_mode_without_the_user_pool_the_AppHost_refuses_to_start_and_names_the_settings()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(["--Aws:Mode=Aws"], Ct).WaitAsync(Bound, Ct));

        var message = error.InnerException?.Message + " " + error.Message;
        Assert.Contains("Auth:Issuer is not set", message, StringComparison.Ordinal);
        Assert.Contains("https://cognito-idp.<region>.amazonaws.com/<poolId>", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Aws_mode_the_services_get_the_user_pool_and_app_client_and_no_identity_runs()
    {
        const string pool = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(
            [
                "--Aws:Mode=Aws", $"--Auth:Issuer={pool}", "--Auth:Audience=3n4b5urk1ft4fl3mg5e62d9ado",
                "--Auth:TokenEndpoint=https://testbed-auth.auth.eu-west-1.amazoncognito.com/oauth2/token", "--Auth:ClientSecret=s3cret",
            ],
            Ct).WaitAsync(Bound, Ct);

        Assert.DoesNotContain(builder.Resources, r => r.Name == "identity");
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");
        var variables = await ResourceVariables.ReadAsync(api);
        Assert.Equal(pool, variables["Auth__Issuer"]);
        Assert.Equal("3n4b5urk1ft4fl3mg5e62d9ado", variables["Auth__Audience"]);

        // The web front gets tokens from the user pool's domain, asking for the resource server's scopes.
        var web = await ResourceVariables.ReadAsync(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "web"));
        Assert.Equal("https://testbed-auth.auth.eu-west-1.amazoncognito.com/oauth2/token", web["Auth__TokenEndpoint"]);
        Assert.Equal("3n4b5urk1ft4fl3mg5e62d9ado", web["Auth__ClientId"]);
        Assert.Equal("testbed/", web["Auth__ScopePrefix"]);
    }
}
