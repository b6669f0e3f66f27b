using Microsoft.Playwright;
using Testbed.Emulators;

namespace Testbed.Pipeline.Tests.Web;

/// <summary>Where the browser tests keep their screenshots: artifacts/screenshots at the repository's root, CI's artefacts.</summary>
public static class Screenshots
{
    /// <summary>The folder, created on first use.</summary>
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots")).FullName;

    /// <summary>Saves the whole page as <paramref name="name"/>.png.</summary>
    public static Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}
