using Microsoft.Playwright;
using Testbed.Emulators;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>Debian's Chromium driven by Playwright, headless; screenshots go to artifacts/dashboard/ in the repository.</summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Set to 1 (CI does) to fail instead of skipping when Chromium is missing.</summary>
    public const string RequireVariable = "TESTBED_REQUIRE_BROWSER";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where Chromium is looked for: TESTBED_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("TESTBED_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The folder screenshots are written to.</summary>
    public static string ArtifactsDirectory => Path.Combine(RepositoryRoot.Find(), "artifacts", "dashboard");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
    }

    /// <summary>A fresh page; skips the test (fails when <see cref="RequireVariable"/> is 1) when Chromium is not installed.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            var message = $"Chromium was not found at {ExecutablePath}: install it (`sudo apt-get install chromium`) or set TESTBED_CHROMIUM.";
            Assert.False(Environment.GetEnvironmentVariable(RequireVariable) == "1", message);
            Assert.Skip(message);
        }

        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Saves a full-page screenshot as artifacts/dashboard/&lt;name&gt;.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.SendDiagnosticMessage($"screenshot: {path}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
