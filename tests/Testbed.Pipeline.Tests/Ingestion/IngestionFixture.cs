using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Ingestion;

/// <summary>One stack shared by the ingestion tests of a class.</summary>
public sealed class IngestionFixture(AwsEnvironmentFixture aws) : IAsyncLifetime
{
    public PipelineStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Stack = await PipelineStack.StartAsync(aws, "ingest");

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
