using Testbed.Pipeline.Tests.Fixtures;

namespace Testbed.Pipeline.Tests.Alarms;

/// <summary>One stack for the alarm tests, with its own emulators (a test stops Kinesis) and a 2 s local alarm period.</summary>
public sealed class AlarmFixture : IAsyncLifetime
{
    /// <summary>The running stack.</summary>
    public PipelineStack Stack { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => Stack = await PipelineStack.StartAsync(null, "alarms", settings: ["--Alarms:Period=00:00:02"]);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
