namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>The tests that share one running AppHost (Aspire's start-up takes seconds on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class TestbedAppCollection : ICollectionFixture<TestbedApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Testbed app";
}
