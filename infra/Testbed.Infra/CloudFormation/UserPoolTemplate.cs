using System.Text.Json.Nodes;
using Testbed.Infra.Definition;

namespace Testbed.Infra.CloudFormation;

/// <summary>The user pool's part of the template: the pool, its domain, the resource server with the scopes, the client-credentials app client, and the outputs the AppHost's Auth settings take.</summary>
public static class UserPoolTemplate
{
    /// <summary>Adds the pool's resources and outputs to the template's Resources and Outputs.</summary>
    public static void AddTo(JsonObject resources, JsonObject outputs, UserPoolDefinition pool, string prefix)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(pool);
        resources["UserPool"] = new JsonObject
        {
            ["Type"] = "AWS::Cognito::UserPool",
            ["Properties"] = new JsonObject { ["UserPoolName"] = Name(pool.Name, prefix) },
        };
        resources["UserPoolDomain"] = new JsonObject
        {
            ["Type"] = "AWS::Cognito::UserPoolDomain",
            ["Properties"] = new JsonObject { ["Domain"] = Name(pool.DomainPrefix, prefix), ["UserPoolId"] = Ref("UserPool") },
        };
        resources["UserPoolResourceServer"] = new JsonObject
        {
            ["Type"] = "AWS::Cognito::UserPoolResourceServer",
            ["Properties"] = new JsonObject
            {
                ["UserPoolId"] = Ref("UserPool"),
                ["Identifier"] = pool.ResourceServer,
                ["Name"] = pool.ResourceServer,
                ["Scopes"] = new JsonArray([.. pool.Scopes.Select(s => (JsonNode)new JsonObject { ["ScopeName"] = s.Key, ["ScopeDescription"] = s.Value })]),
            },
        };
        resources["UserPoolClient"] = new JsonObject
        {
            ["Type"] = "AWS::Cognito::UserPoolClient",
            // The client may only name scopes that exist: the resource server first.
            ["DependsOn"] = "UserPoolResourceServer",
            ["Properties"] = new JsonObject
            {
                ["UserPoolId"] = Ref("UserPool"),
                ["ClientName"] = Name(pool.ClientName, prefix),
                ["GenerateSecret"] = true,
                ["AllowedOAuthFlowsUserPoolClient"] = true,
                ["AllowedOAuthFlows"] = new JsonArray("client_credentials"),
                ["AllowedOAuthScopes"] = new JsonArray([.. pool.ClientScopes.Select(s => (JsonNode)s)]),
                ["AccessTokenValidity"] = pool.AccessTokenMinutes,
                ["TokenValidityUnits"] = new JsonObject { ["AccessToken"] = "minutes" },
            },
        };

        outputs["UserPoolId"] = new JsonObject { ["Value"] = Ref("UserPool") };
        outputs["UserPoolIssuerUrl"] = new JsonObject
        {
            ["Description"] = "Auth:Issuer of the services: the iss of the tokens.",
            ["Value"] = new JsonObject { ["Fn::Sub"] = "https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}" },
        };
        outputs["UserPoolClientId"] = new JsonObject
        {
            ["Description"] = "Auth:Audience of the services and Auth:ClientId of their callers (Cognito access tokens carry it as client_id); its secret is in the Cognito console or describe-user-pool-client.",
            ["Value"] = Ref("UserPoolClient"),
        };
        outputs["TokenEndpoint"] = new JsonObject
        {
            ["Description"] = "Auth:TokenEndpoint of callers: OAuth2 client credentials.",
            ["Value"] = new JsonObject { ["Fn::Sub"] = "https://${UserPoolDomain}.auth.${AWS::Region}.amazoncognito.com/oauth2/token" },
        };
    }

    private static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    private static JsonObject Name(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal)
            ? new JsonObject { ["Fn::Sub"] = $"${{{CloudFormationTemplate.PrefixParameter}}}{name[prefix.Length..]}" }
            : throw new InvalidOperationException($"'{name}' does not start with the prefix '{prefix}'.");
}
