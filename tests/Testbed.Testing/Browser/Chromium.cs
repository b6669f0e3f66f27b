using Microsoft.Playwright;

namespace Testbed.Testing.Browser;

/// <summary>Debian's Chromium driven by Playwright: headless, no sandbox (root in CI), no GPU.</summary>
public sealed class Chromium : IAsyncDisposable
{
    private const string DefaultPath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Starts Playwright's driver and Chromium (CHROMIUM_PATH, else /usr/bin/chromium).</summary>
    public static async Task<Chromium> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {path}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH. .ci/run installs it.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
