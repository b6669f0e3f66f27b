using Microsoft.AspNetCore.Components.Web;

namespace Testbed.Web.Components;

/// <summary>The render mode of the front's pages.</summary>
public static class Interactive
{
    /// <summary>Interactive on the server, without prerendering: each page loads its data once, over the circuit.</summary>
    public static readonly InteractiveServerRenderMode Server = new(prerender: false);
}
