using System.Text.RegularExpressions;
using Testbed.Emulators;
using Testbed.Testing;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>The built AppHost run as its own process, as `dotnet run --project AppHost` runs it, on free ports.</summary>
public static partial class AppHostProcess
{
    // The orchestrator's processes inherit the AppHost's environment: this variable marks every process of one run.
    private const string StackVariable = "TESTBED_TEST_STACK";

    // The stack's .NET services, by the end of their command lines (a service, not its `dotnet run` launcher).
    private static readonly string[] Services = ["Testbed.Processor", "Testbed.Ingestion", "Testbed.Api", "Testbed.Identity", "Testbed.Web"];

    /// <summary>Starts the AppHost and waits until every service of the stack runs as a process under it and listens.</summary>
    /// <remarks>
    /// A .NET process signalled before its host has started does not run its own shutdown: measured on the Web (2026-11-30), SIGTERM
    /// 0.1 s after its start ended it by the signal and 0.3 s after aborted it, both leaving its runtime files; from 0.6 s it stopped
    /// cleanly. A service listens once its host has started, signal handling included.
    /// </remarks>
    public static async Task<ChildProcess> StartAsync(string prefix)
    {
        var appHost = BuiltAssembly.Of("AppHost", "Testbed.AppHost");
        var process = ChildProcess.Start(
            appHost,
            [
                $"--Pipeline:Prefix={prefix}",
                "--DcpPublisher:RandomizePorts=true",
                $"--ASPNETCORE_URLS=http://127.0.0.1:{FreePort.Next()}",
                $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ],
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development", [StackVariable] = prefix });
        try
        {
            await process.WaitForOutputAsync("Distributed application started", TimeSpan.FromMinutes(3));
            await Eventually.HoldsAsync(
                () =>
                {
                    var stack = StackOf(prefix);
                    var listening = stack.Where(p => Services.Any(s => p.Value.EndsWith(s, StringComparison.Ordinal)) && ProcessProbe.IsListening(p.Key))
                        .Select(p => p.Value).ToList();
                    return stack.Values.Count(c => c.Contains("launch.js", StringComparison.Ordinal)) == 3
                        && listening.Count(c => c.EndsWith("Testbed.Processor", StringComparison.Ordinal)) == 2
                        && Services.All(s => listening.Any(c => c.EndsWith(s, StringComparison.Ordinal)));
                },
                TimeSpan.FromMinutes(3),
                "the emulators run and two processors, the ingestion, the api, the identity and the web listen under the AppHost");
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The emulators' data folders named in the stack's command lines (launch.js … --path &lt;folder&gt;/&lt;service&gt;).</summary>
    public static IReadOnlyList<string> DataFoldersOf(IReadOnlyDictionary<int, string> stack) =>
        [.. stack.Values.Select(c => DataPath().Match(c)).Where(m => m.Success).Select(m => Path.GetDirectoryName(m.Groups[1].Value)!).Distinct()];

    /// <summary>Every process of the run started with the prefix, with its command line.</summary>
    public static IReadOnlyDictionary<int, string> StackOf(string prefix) => ProcessProbe.WithEnvironment(StackVariable, prefix);

    [GeneratedRegex(@"launch\.js .*--path (\S+)")]
    private static partial Regex DataPath();
}
