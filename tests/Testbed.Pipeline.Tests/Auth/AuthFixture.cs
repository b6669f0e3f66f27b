using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Auth;

/// <summary>
/// One stack for the authentication tests whose identity signs with a key the test made (Identity:SigningKey), so the tests can
/// mint tokens the services trust, each wrong in one way only, beside the tokens the identity issues itself.
/// </summary>
public sealed class AuthFixture(AwsEnvironmentFixture aws) : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);

    /// <summary>The running stack.</summary>
    public PipelineStack Stack { get; private set; } = null!;

    /// <summary>Mints tokens with the stack's signing key, or another.</summary>
    public TokenMint Mint { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Stack = await PipelineStack.StartAsync(aws, "auth", 2, 1, $"--Identity:SigningKey={_key.ExportPkcs8PrivateKeyPem()}");
        var trusted = new RsaSecurityKey(_key);
        trusted.KeyId = Base64UrlEncoder.Encode(trusted.ComputeJwkThumbprint());
        Mint = new TokenMint(trusted, Stack.Identity.GetLeftPart(UriPartial.Authority));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Stack is not null)
            {
                await Stack.DisposeAsync();
            }
        }
        finally
        {
            _key.Dispose();
        }
    }
}
