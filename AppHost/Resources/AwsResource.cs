using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Hosting;
using Testbed.Aws.Configuration;
using Testbed.Emulators;

namespace Testbed.AppHost.Resources;

/// <summary>The AWS the pipeline talks to: the embedded emulators (started here), LocalStack, or real AWS.</summary>
public sealed class AwsResource(string name, IConfiguration configuration) : IResource
{
    private EmulatorHost? _emulators;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The resolved connection, once started: what every service and the provisioning use.</summary>
    public AwsConnection Connection { get; private set; } = null!;

    /// <summary>The options the services get as Aws__* environment variables.</summary>
    public AwsOptions Options { get; private set; } = null!;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();
        if (options.Mode == AwsMode.Embedded)
        {
            _emulators = await EmulatorHost.StartAsync(EmulatorOptions(), cancellationToken).ConfigureAwait(false);
            options = _emulators.Endpoints.ToAwsOptions(options.Region);
        }

        Options = options;
        Connection = AwsConnectionResolver.Resolve(options);
    }

    /// <inheritdoc />
    public IEnumerable<string> Describe()
    {
        yield return $"mode {Connection.Mode}, region {Connection.Region}";
        if (_emulators is not null)
        {
            foreach (var process in _emulators.Processes)
            {
                yield return $"{process.Service,-9} {process.Endpoint} (pid {process.ProcessId})";
            }

            yield return $"data      {_emulators.DataDirectory}";
            yield return $"started in {_emulators.StartupTime.TotalSeconds:0.00} s";
        }
        else
        {
            yield return $"endpoint  {Connection.KinesisServiceUrl?.ToString() ?? "AWS's public endpoints"}";
        }
    }

    /// <inheritdoc />
    public async ValueTask StopAsync()
    {
        if (_emulators is not null)
        {
            await _emulators.DisposeAsync().ConfigureAwait(false);
        }
    }

    private EmulatorHostOptions EmulatorOptions()
    {
        var section = configuration.GetSection("AppHost");
        var ports = Enum.GetValues<EmulatorService>()
            .ToDictionary(s => s, s => section.GetValue<int?>($"Ports:{s}") ?? 0);
        var dataDirectory = section.GetValue<string>("DataDirectory");
        return new EmulatorHostOptions
        {
            DataDirectory = string.IsNullOrWhiteSpace(dataDirectory) ? null : dataDirectory,
            Ports = ports,
            Progress = ConsoleLog.For(Name),
        };
    }
}
