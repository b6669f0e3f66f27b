using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>AppHost:Debugging as the AppHost's model says it (built, not started): the test stacks run their services without the debugger's transport, a developer's stack with it.</summary>
public sealed class DebuggingTests
{
    private const string Variable = "DOTNET_EnableDiagnostics_Debugger";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_debugging_off_every_service_runs_without_the_debuggers_transport()
    {
        var projects = await ProjectVariablesAsync(["--AppHost:Debugging=false"]);

        Assert.Contains(projects, p => p.Name == "ingestion");
        Assert.All(projects, p => Assert.Equal("0", p.Variables.GetValueOrDefault(Variable)));
    }

    [Fact]
    public async Task By_default_a_debugger_can_attach_to_every_service()
    {
        var projects = await ProjectVariablesAsync([]);

        Assert.Contains(projects, p => p.Name == "ingestion");
        Assert.All(projects, p => Assert.False(p.Variables.ContainsKey(Variable), $"{p.Name} sets {Variable}"));
    }

    private static async Task<List<(string Name, Dictionary<string, string?> Variables)>> ProjectVariablesAsync(string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(args, Ct).WaitAsync(Bound, Ct);
        var projects = new List<(string, Dictionary<string, string?>)>();
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            projects.Add((project.Name, await ResourceVariables.ReadAsync(project)));
        }

        return projects;
    }
}
