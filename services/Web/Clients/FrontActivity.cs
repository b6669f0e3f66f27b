using System.Diagnostics;
using Testbed.ServiceDefaults;

namespace Testbed.Web.Clients;

/// <summary>The front's spans: one per action a person takes, the parent of its calls to the Api and the ingestion.</summary>
public static class FrontActivity
{
    /// <summary>The front's ActivitySource, exported with every Testbed source.</summary>
    public static readonly ActivitySource Source = new(ServiceDefaultsExtensions.SourcePrefix + "Web");

    /// <summary>Starts the span of a person's action, the root of its own trace, unless one of the front's actions is already under way (its calls join it); null starts none.</summary>
    public static Activity? Start(string? action)
    {
        if (action is null || Activity.Current?.Source == Source)
        {
            return null;
        }

        // Without a span of its own, a circuit's call would be an orphan client span, which the sampler drops, or would
        // join whatever long-lived activity the circuit's connection carries: each action starts a trace of its own.
        Activity.Current = null;
        return Source.StartActivity(action);
    }
}
