using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>The services' telemetry export as the AppHost's model says it (built, not started): no retry that would hold a stopping service past the orchestrator's grace.</summary>
public sealed class ExportRetryTests
{
    private const string Variable = "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_exports_its_telemetry_without_the_in_memory_retry()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>([], Ct).WaitAsync(Bound, Ct);
        var projects = builder.Resources.OfType<ProjectResource>().ToList();

        Assert.Contains(projects, p => p.Name == "ingestion");
        foreach (var project in projects)
        {
            var variables = await ResourceVariables.ReadAsync(project);
            Assert.True(string.IsNullOrEmpty(variables.GetValueOrDefault(Variable)), $"{project.Name} exports with {Variable}={variables.GetValueOrDefault(Variable)}");
        }
    }
}
