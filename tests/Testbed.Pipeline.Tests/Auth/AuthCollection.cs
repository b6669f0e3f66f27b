namespace Testbed.Pipeline.Tests.Auth;

/// <summary>The authentication tests share one stack.</summary>
[CollectionDefinition(Name)]
public sealed class AuthCollection : ICollectionFixture<AuthFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "auth";
}
