using System.Text.RegularExpressions;

namespace Testbed.Testing;

/// <summary>One of the pipeline's services run as its own process on a free 127.0.0.1 port, as the AppHost runs it.</summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private ServiceProcess(string name, ChildProcess process, Uri baseAddress)
    {
        Name = name;
        Process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The service's short name (ingestion, processor, api).</summary>
    public string Name { get; }

    /// <summary>The running process.</summary>
    public ChildProcess Process { get; }

    /// <summary>Where it answers HTTP.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the service's built assembly with the environment and waits until Kestrel listens and /health answers.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, string assemblyPath, IReadOnlyDictionary<string, string> environment)
    {
        var env = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = name,
            ["TESTBED_EXIT_WITH_PARENT"] = "1",
        };
        var process = ChildProcess.Start(assemblyPath, [], env);
        try
        {
            await process.WaitForOutputAsync("Now listening on: http://127.0.0.1:", TimeSpan.FromSeconds(60));
            var address = new Uri(Listening().Match(process.Output).Groups[1].Value + "/");
            var service = new ServiceProcess(name, process, address);
            using var http = new HttpClient { BaseAddress = address };
            await Eventually.HoldsAsync(
                async () =>
                {
                    try
                    {
                        return (await http.GetAsync("health")).IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(30),
                $"{name} /health answers 200");
            return service;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HttpClient on the service's address.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
