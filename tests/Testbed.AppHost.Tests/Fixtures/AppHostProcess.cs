using System.Text.RegularExpressions;
using Testbed.Aws.Configuration;
using Testbed.Testing;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>The AppHost run as its own process, as `dotnet run --project AppHost` runs it, until its "Press Ctrl+C" summary.</summary>
public static partial class AppHostProcess
{
    // Free ports instead of the fixed defaults, so a developer's running Testbed and the tests never collide; a test's own settings come later and win.
    private static readonly string[] FreePorts = ["--AppHost:Ports:Dashboard=0", "--AppHost:Ports:Ingestion=0", "--AppHost:Ports:Api=0"];

    /// <summary>Starts the AppHost with extra command-line settings and waits for its summary.</summary>
    public static Task<ChildProcess> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>Starts the AppHost with extra environment variables and command-line settings and waits for its summary.</summary>
    public static async Task<ChildProcess> StartAsync(IReadOnlyDictionary<string, string>? environment, params string[] settings)
    {
        var process = ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "Testbed.AppHost.dll"), [.. FreePorts, .. settings], environment);
        try
        {
            await process.WaitForOutputAsync("Press Ctrl+C to stop.", TimeSpan.FromMinutes(4));
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The emulator endpoints the summary printed, as Embedded-mode options.</summary>
    public static AwsOptions PrintedAwsOptions(this ChildProcess appHost)
    {
        Uri Endpoint(string service) => new(EndpointLine().Matches(appHost.Output).Single(m => m.Groups[1].Value == service).Groups[2].Value);
        return new AwsOptions
        {
            KinesisServiceUrl = Endpoint("Kinesis"),
            DynamoDbServiceUrl = Endpoint("DynamoDb"),
            S3ServiceUrl = Endpoint("S3"),
        };
    }

    /// <summary>The emulator process ids the summary printed.</summary>
    public static IReadOnlyList<int> PrintedEmulatorPids(this ChildProcess appHost) =>
        [.. EndpointLine().Matches(appHost.Output).Select(m => int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The URL the summary printed for a service (the first instance's).</summary>
    public static Uri PrintedServiceUrl(this ChildProcess appHost, string service) =>
        new(ServiceLine().Matches(appHost.Output).First(m => m.Groups[1].Value == service).Groups[2].Value);

    /// <summary>The process ids of every service instance the summary printed.</summary>
    public static IReadOnlyList<int> PrintedServicePids(this ChildProcess appHost) =>
        [.. ServiceLine().Matches(appHost.Output).Select(m => int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The dashboard URL the summary printed.</summary>
    public static Uri PrintedDashboardUrl(this ChildProcess appHost) => new(DashboardLine().Match(appHost.Output).Groups[1].Value);

    [GeneratedRegex(@"^\s+dashboard\s+(http://\S+)", RegexOptions.Multiline)]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"^\s+aws\s+(Kinesis|DynamoDb|S3)\s+(http://\S+) \(pid (\d+)\)", RegexOptions.Multiline)]
    private static partial Regex EndpointLine();

    [GeneratedRegex(@"^\s+(ingestion|processor|api)\s+(http://\S+) \(pid (\d+)\)", RegexOptions.Multiline)]
    private static partial Regex ServiceLine();
}
