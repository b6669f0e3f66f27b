using System.Text.Json;
using Testbed.Emulators;
using Testbed.Infra.CloudFormation;
using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Infra.Tests;

/// <summary>The committed template's Cognito user pool issues what the services accept: client-credentials tokens with the resource server's events scopes.</summary>
public sealed class UserPoolTemplateTests
{
    private static readonly UserPoolDefinition Pool = PipelineResources.Create().UserPool;

    [Fact]
    public void The_definitions_scopes_are_the_ones_the_services_check()
    {
        Assert.Equal(AccessScopes.All.Keys.Order(), Pool.Scopes.Keys.Order());
        Assert.Equal(["testbed/events:read", "testbed/events:write"], Pool.ClientScopes.Order());
    }

    [Fact]
    public void The_committed_template_declares_the_pool_its_domain_resource_server_and_client_credentials_client()
    {
        var (resources, outputs) = Committed();

        Assert.Equal("${NamePrefix}-users", Sub(Of(resources, "AWS::Cognito::UserPool"), "UserPoolName"));
        var domain = Of(resources, "AWS::Cognito::UserPoolDomain");
        Assert.Equal("${NamePrefix}-auth", Sub(domain, "Domain"));
        Assert.Equal("UserPool", domain.GetProperty("UserPoolId").GetProperty("Ref").GetString());

        var server = Of(resources, "AWS::Cognito::UserPoolResourceServer");
        Assert.Equal("testbed", server.GetProperty("Identifier").GetString());
        Assert.Equal(["events:read", "events:write"], server.GetProperty("Scopes").EnumerateArray().Select(s => s.GetProperty("ScopeName").GetString()).Order());

        var client = Of(resources, "AWS::Cognito::UserPoolClient");
        Assert.True(client.GetProperty("GenerateSecret").GetBoolean());
        Assert.True(client.GetProperty("AllowedOAuthFlowsUserPoolClient").GetBoolean());
        Assert.Equal(["client_credentials"], client.GetProperty("AllowedOAuthFlows").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["testbed/events:read", "testbed/events:write"], client.GetProperty("AllowedOAuthScopes").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal("UserPoolResourceServer", resources["UserPoolClient"].GetProperty("DependsOn").GetString());

        Assert.Equal("https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}", outputs["UserPoolIssuerUrl"].GetProperty("Value").GetProperty("Fn::Sub").GetString());
        Assert.Equal("UserPoolClient", outputs["UserPoolClientId"].GetProperty("Value").GetProperty("Ref").GetString());
        Assert.Equal("https://${UserPoolDomain}.auth.${AWS::Region}.amazoncognito.com/oauth2/token", outputs["TokenEndpoint"].GetProperty("Value").GetProperty("Fn::Sub").GetString());
    }

    private static (Dictionary<string, JsonElement> Resources, Dictionary<string, JsonElement> Outputs) Committed()
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), CloudFormationTemplate.RepositoryPath))).RootElement;
        return (root.GetProperty("Resources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
            root.GetProperty("Outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
    }

    private static JsonElement Of(Dictionary<string, JsonElement> resources, string type) =>
        Assert.Single(resources.Values, r => r.GetProperty("Type").GetString() == type).GetProperty("Properties");

    private static string? Sub(JsonElement properties, string property) => properties.GetProperty(property).GetProperty("Fn::Sub").GetString();
}
