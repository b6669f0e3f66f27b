namespace Testbed.AppHost.Diagnostics;

/// <summary>The .NET services export their telemetry to the dashboard without Aspire's in-memory retry.</summary>
public static class ExportRetryExtensions
{
    /// <summary>Turns off the OTLP exporter's in-memory retry (OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY) that Aspire sets on every .NET project.</summary>
    /// <remarks>
    /// A stopping stack's dashboard ends first. A service's last export then retries towards it until the exporter's 10 s deadline, past the
    /// 6 s the orchestrator gives a stopping service: measured here (2026-11-30), Ctrl+C on the AppHost left Identity, Ingestion, the Api
    /// and the Web running 9-11 s and their <c>dotnet run</c> launchers killed; without the retry each ends within about 1 s. While the stack
    /// runs, the dashboard is local: an export that fails is lost, as the telemetry of a dashboard that is gone would be.
    /// </remarks>
    public static IDistributedApplicationBuilder WithoutExportRetry(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", string.Empty);
        }

        return builder;
    }
}
