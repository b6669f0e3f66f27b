using Testbed.Pipeline.Tests.Fixtures;

namespace Testbed.Pipeline.Tests.Ingestion;

/// <summary>One stack shared by the ingestion tests of a class.</summary>
public sealed class IngestionFixture : IAsyncLifetime
{
    public PipelineStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Stack = await PipelineStack.StartAsync("ingest");

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
