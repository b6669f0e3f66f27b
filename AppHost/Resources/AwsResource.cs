using System.Globalization;
using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Hosting;
using Testbed.Aws.Configuration;
using Testbed.Emulators;

namespace Testbed.AppHost.Resources;

/// <summary>The AWS the pipeline talks to: the embedded emulators (started here), LocalStack (started with Docker, or one already running), or real AWS.</summary>
public sealed class AwsResource(string name, IConfiguration configuration) : IResource
{
    private EmulatorHost? _emulators;
    private LocalStackContainer? _localStack;
    private ResourceState _state = ResourceState.Waiting;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The resolved connection, once started: what every service and the provisioning use.</summary>
    public AwsConnection Connection { get; private set; } = null!;

    /// <summary>The options the services get as Aws__* environment variables.</summary>
    public AwsOptions Options { get; private set; } = null!;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _state = ResourceState.Starting;
        try
        {
            var options = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();
            if (options.Mode == AwsMode.Embedded)
            {
                _emulators = await EmulatorHost.StartAsync(EmulatorOptions(), cancellationToken).ConfigureAwait(false);
                foreach (var process in _emulators.Processes)
                {
                    KeepLogs(process);
                }

                options = _emulators.Endpoints.ToAwsOptions(options.Region);
            }
            else if (options.Mode == AwsMode.LocalStack && configuration.GetValue("AppHost:LocalStack:Start", true))
            {
                var section = configuration.GetSection("AppHost:LocalStack");
                _localStack = new LocalStackContainer(
                    $"testbed-localstack-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}",
                    section.GetValue("Image", "localstack/localstack:4")!,
                    section.GetValue("Port", 4566));
                await _localStack.StartAsync(ConsoleLog.For(Name), cancellationToken).ConfigureAwait(false);
                options.ServiceUrl = _localStack.Endpoint;
            }

            Options = options;
            Connection = AwsConnectionResolver.Resolve(options);
            _state = ResourceState.Running;
        }
        catch
        {
            _state = ResourceState.Failed;
            throw;
        }
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
    public IEnumerable<ResourceSnapshot> Snapshot()
    {
        if (_emulators is { } emulators)
        {
            foreach (var process in emulators.Processes)
            {
                var state = _state == ResourceState.Running && process.HasExited ? ResourceState.Failed : _state;
                yield return new ResourceSnapshot(EmulatorRow(process.Service), Name, "emulator", state, process.HasExited ? null : process.ProcessId, [process.Endpoint.ToString()]);
            }
        }
        else if (_localStack is { } localStack)
        {
            yield return new ResourceSnapshot(localStack.Name, Name, "container", _state, null, [localStack.Endpoint.ToString()]);
        }
        else
        {
            var endpoint = _state == ResourceState.Running ? Connection.KinesisServiceUrl?.ToString() ?? $"AWS {Connection.Region}" : null;
            yield return new ResourceSnapshot(Name, Name, "aws", _state, null, endpoint is null ? [] : [endpoint]);
        }
    }

    /// <inheritdoc />
    public async ValueTask StopAsync()
    {
        if (_emulators is not null)
        {
            await _emulators.DisposeAsync().ConfigureAwait(false);
        }

        if (_localStack is not null)
        {
            await _localStack.StopAsync().ConfigureAwait(false);
        }

        _state = ResourceState.Stopped;
    }

    private static string EmulatorRow(EmulatorService service) => service.ToString().ToLowerInvariant();

    // The emulators' own output goes to the dashboard's logs only: it would drown the console.
    private static void KeepLogs(EmulatorProcess process)
    {
        var row = EmulatorRow(process.Service);
        foreach (var line in process.Output.Lines())
        {
            LogBook.Shared.Append(row, line);
        }

        process.OutputReceived += (_, line) => LogBook.Shared.Append(row, line);
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
