using System.Globalization;

namespace Testbed.AppHost.Resources;

/// <summary>A LocalStack container started with the Docker CLI on a loopback port, removed when stopped.</summary>
public sealed class LocalStackContainer(string containerName, string image, int port)
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(3);

    /// <summary>LocalStack's edge endpoint on this machine.</summary>
    public Uri Endpoint { get; } = new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The container's name.</summary>
    public string Name => containerName;

    /// <summary>Checks that a Docker engine answers, runs the container and waits until LocalStack reports its services ready.</summary>
    public async Task StartAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var (code, version) = await DockerCli.RunAsync(["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException(
                "Aws:Mode=LocalStack starts LocalStack with the Docker CLI, but no Docker engine answers here " +
                $"(`docker info`: {FirstLine(version)}). Start a Docker engine, or run LocalStack yourself and pass " +
                "--AppHost:LocalStack:Start=false --Aws:ServiceUrl=http://localhost:4566, or use the default --Aws:Mode=Embedded.");
        }

        PortCheck.EnsureFree(port, "AppHost:LocalStack:Port");
        progress.Report($"Docker engine {FirstLine(version)}: starting {image} as {containerName} on {Endpoint}");
        (code, var output) = await DockerCli.RunAsync(
            ["run", "--detach", "--rm", "--name", containerName, "--publish", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}:4566", "--env", "SERVICES=kinesis,dynamodb,s3", image],
            TimeSpan.FromMinutes(10),
            cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"`docker run {image}` failed: {FirstLine(output)}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < ReadyWithin)
        {
            try
            {
                using var health = await http.GetAsync(new Uri(Endpoint, "_localstack/health"), cancellationToken).ConfigureAwait(false);
                if (health.IsSuccessStatusCode)
                {
                    progress.Report($"LocalStack answers after {waited.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"LocalStack ({containerName}) did not answer {Endpoint}_localstack/health within {ReadyWithin.TotalMinutes:0} minutes; see `docker logs {containerName}`.");
    }

    /// <summary>Stops the container (it was started with --rm, so Docker removes it).</summary>
    public async ValueTask StopAsync()
    {
        await DockerCli.RunAsync(["stop", containerName], TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
