using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Testbed.Aws.Configuration;
using Testbed.Emulators;

namespace Testbed.AppHost.Aws;

/// <summary>Embedded mode: kinesalite, dynalite and s3rver from emulators/, each an executable resource with a health check on its own API.</summary>
public static class EmbeddedAwsExtensions
{
    /// <summary>Adds the three emulators and returns the environment that points at them.</summary>
    public static AwsEnvironment AddEmbeddedAws(this IDistributedApplicationBuilder builder, string region)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var directory = EmulatorsDirectory.Locate();
        var dataDirectory = builder.Configuration["AppHost:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            var temporary = new TemporaryDataFolder();
            builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(temporary);
            dataDirectory = temporary.Path;
        }

        var aws = new AwsEnvironment(AwsMode.Embedded)
            .Set("AWS_REGION", region)
            .Set("AWS_ACCESS_KEY_ID", AwsOptions.EmbeddedAccessKeyId)
            .Set("AWS_SECRET_ACCESS_KEY", AwsOptions.EmbeddedSecretAccessKey);
        foreach (var service in Enum.GetValues<EmulatorService>())
        {
            var emulator = builder.AddEmulator(service, directory, dataDirectory, region);
            aws.DependOn(emulator).Set($"AWS_ENDPOINT_URL_{service.ToString().ToUpperInvariant()}", emulator.GetEndpoint("http"));
        }

        return aws;
    }

    private static IResourceBuilder<ExecutableResource> AddEmulator(
        this IDistributedApplicationBuilder builder, EmulatorService service, string directory, string dataDirectory, string region)
    {
        var name = service.ToString().ToLowerInvariant();
        var port = builder.Configuration.GetValue($"AppHost:Ports:{service}", 0);
        port = port == 0 ? FreePort.Next() : port;
        List<string> args =
        [
            .. EmulatorNode.Flags, "launch.js", name, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--parent", "none", "--path", Path.Combine(Path.GetFullPath(dataDirectory), name),
        ];
        if (service == EmulatorService.S3)
        {
            args.AddRange(["--access-key", AwsOptions.EmbeddedAccessKeyId, "--secret-key", AwsOptions.EmbeddedSecretAccessKey, "--silent", "true"]);
        }

        // Healthy once the emulator answers its own API; what the call throws becomes the resource's unhealthy reason.
        var healthCheck = $"{name}-api";
        var call = new EmulatorApiCall(service, new Uri($"http://127.0.0.1:{port}"), region);
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            await call.InvokeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        });
        var emulator = builder.AddExecutable(name, "node", directory, [.. args])
            .WithHttpEndpoint(port: port, targetPort: port, isProxied: false)
            .WithHealthCheck(healthCheck)
            .WithIconName(service switch { EmulatorService.Kinesis => "DataLine", EmulatorService.DynamoDb => "Database", _ => "Storage" });

        // npm ci once per lock file, before the first emulator starts; a missing Node.js or a failed install shows on the resource.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(emulator.Resource, async (started, cancellationToken) =>
        {
            var log = started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(started.Resource);
            var options = new EmulatorHostOptions { Progress = new Progress<string>(line => log.LogInformation("{Line}", line)) };
            try
            {
                await NpmInstaller.EnsureInstalledAsync(directory, options, cancellationToken).ConfigureAwait(false);
            }
            catch (EmulatorStartException error)
            {
                log.LogError("{Reason}", error.Message);
                throw;
            }
        });
        return emulator;
    }
}
