using Microsoft.Playwright;

namespace Testbed.Testing.Browser;

/// <summary>Signs in to the web front as a person does: the front sends them to its sign-in page, they choose the access and press the button.</summary>
public static class FrontSignIn
{
    /// <summary>A new browser window of the given size on the front, signed in as the local development identity with read and write access, or read only.</summary>
    public static async Task<IBrowserContext> SignedInAsync(this IBrowser browser, Uri front, ViewportSize viewport, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, BaseURL = front.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
            await page.GetByLabel(readOnly ? "Read only" : "Read and write").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as developer" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
            await page.CloseAsync();
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }
}
