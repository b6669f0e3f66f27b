using System.Text.RegularExpressions;
using Testbed.Emulators;
using Testbed.Testing;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>The built AppHost run as its own process, as `dotnet run --project AppHost` runs it, on free ports.</summary>
public static partial class AppHostProcess
{
    // The orchestrator's processes inherit the AppHost's environment: this variable marks every process of one run.
    private const string StackVariable = "TESTBED_TEST_STACK";

    /// <summary>Starts the AppHost and waits until every service of the stack runs as a process under it.</summary>
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
                    var stack = StackOf(prefix).Values;
                    return stack.Count(c => c.Contains("launch.js", StringComparison.Ordinal)) == 3
                        && stack.Count(c => c.EndsWith("Testbed.Processor", StringComparison.Ordinal)) == 2
                        && stack.Any(c => c.EndsWith("Testbed.Ingestion", StringComparison.Ordinal))
                        && stack.Any(c => c.EndsWith("Testbed.Api", StringComparison.Ordinal))
                        && stack.Any(c => c.EndsWith("Testbed.Identity", StringComparison.Ordinal));
                },
                TimeSpan.FromMinutes(3),
                "the emulators, two processors, the ingestion, the api and the identity run under the AppHost");
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
