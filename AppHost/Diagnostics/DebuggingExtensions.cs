using Microsoft.Extensions.Configuration;

namespace Testbed.AppHost.Diagnostics;

/// <summary>"AppHost:Debugging": whether a debugger can attach to the .NET services (true by default).</summary>
public static class DebuggingExtensions
{
    /// <summary>The setting's configuration key.</summary>
    public const string Setting = "AppHost:Debugging";

    /// <summary>With <see cref="Setting"/> false, every .NET project and its <c>dotnet run</c> launcher runs without the managed debugger's transport.</summary>
    /// <remarks>
    /// A debugger attaches through two named pipes per process in the temp folder, which the runtime removes when the process ends. Aspire
    /// stops a service by ending its <c>dotnet run</c> launcher, which does not end on the stop signal and is then killed: its pipes stay.
    /// Measured in this repository's CI (2026-11-29): about 420 such files left per test run. Stacks started and stopped many times (the
    /// tests, the load runner) turn the transport off; the diagnostics socket that dotnet-trace and dotnet-counters use stays.
    /// </remarks>
    public static IDistributedApplicationBuilder WithDebuggingSetting(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetValue(Setting, true))
        {
            return builder;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("DOTNET_EnableDiagnostics_Debugger", "0");
        }

        return builder;
    }
}
