using System.Diagnostics;
using Testbed.ServiceDefaults;

namespace Testbed.Web.Clients;

/// <summary>The front's spans: one per action a person takes, the parent of its calls to the Api and the ingestion.</summary>
public static class FrontActivity
{
    /// <summary>The front's ActivitySource, exported with every Testbed source.</summary>
    public static readonly ActivitySource Source = new(ServiceDefaultsExtensions.SourcePrefix + "Web");
}
