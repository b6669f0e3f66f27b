using Microsoft.Playwright;
using Testbed.Pipeline.Tests.Fixtures;
using Testbed.Testing.Browser;

namespace Testbed.Pipeline.Tests.Web;

/// <summary>One stack on emulators of its own (the outage test stops its Kinesis) and one Chromium, shared by the front's tests.</summary>
public sealed class FrontFixture : IAsyncLifetime
{
    private PipelineStack? _stack;
    private Chromium? _chromium;

    /// <summary>The stack the front runs in.</summary>
    public PipelineStack Stack => _stack ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _stack = await PipelineStack.StartAsync(null, "front");
        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>A new browser window of the given size, signed in as the local development identity with read and write access, or read only.</summary>
    public Task<IBrowserContext> SignedInAsync(ViewportSize viewport, bool readOnly = false) => _chromium!.Browser.SignedInAsync(Stack.Web, viewport, readOnly);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
