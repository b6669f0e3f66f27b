using Microsoft.Playwright;

namespace Testbed.Testing.Browser;

/// <summary>The window sizes the front must be usable at.</summary>
public static class Viewports
{
    /// <summary>A common laptop screen.</summary>
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };

    /// <summary>A phone held upright.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
}
