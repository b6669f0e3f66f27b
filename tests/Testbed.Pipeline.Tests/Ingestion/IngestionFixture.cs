using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing;

namespace Testbed.Pipeline.Tests.Ingestion;

/// <summary>One stack with an ingestion service and a processor, shared by the ingestion tests of a class.</summary>
public sealed class IngestionFixture(EmulatorsFixture emulators) : IAsyncLifetime
{
    public PipelineStack Stack { get; private set; } = null!;

    public ServiceProcess Ingestion { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Stack = await PipelineStack.CreateAsync(emulators, "ingest");
        Ingestion = await Stack.StartIngestionAsync();
        await Stack.StartProcessorAsync();
    }

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
