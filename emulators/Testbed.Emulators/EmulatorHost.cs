using System.Diagnostics;

namespace Testbed.Emulators;

/// <summary>The running local AWS: kinesalite, dynalite and s3rver on loopback, stopped (with their data folder, unless named) on dispose.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly string? _temporaryDataDirectory;
    private readonly List<EmulatorProcess> _processes;
    private readonly string _emulatorsDirectory;
    private readonly EmulatorHostOptions _options;
    private int _disposed;

    private EmulatorHost(List<EmulatorProcess> processes, string emulatorsDirectory, string dataDirectory, string? temporaryDataDirectory, EmulatorHostOptions options)
    {
        _processes = processes;
        _emulatorsDirectory = emulatorsDirectory;
        _options = options;
        DataDirectory = dataDirectory;
        _temporaryDataDirectory = temporaryDataDirectory;
        Endpoints = new EmulatorEndpoints(
            this[EmulatorService.Kinesis].Endpoint,
            this[EmulatorService.DynamoDb].Endpoint,
            this[EmulatorService.S3].Endpoint);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The emulator processes, one per service.</summary>
    public IReadOnlyList<EmulatorProcess> Processes
    {
        get
        {
            lock (_processes)
            {
                return [.. _processes];
            }
        }
    }

    /// <summary>Where each emulator answers.</summary>
    public EmulatorEndpoints Endpoints { get; }

    /// <summary>The folder that holds the emulators' data.</summary>
    public string DataDirectory { get; }

    /// <summary>How long installing, starting and probing took.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The emulator of one service.</summary>
    public EmulatorProcess this[EmulatorService service] => Processes.Single(p => p.Service == service);

    /// <summary>Installs the emulators if needed, starts all three, and returns once each answers its API.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorHostOptions();
        var watch = Stopwatch.StartNew();
        var emulatorsDirectory = EmulatorsDirectory.Locate(options.EmulatorsDirectory);
        await NpmInstaller.EnsureInstalledAsync(emulatorsDirectory, options, cancellationToken).ConfigureAwait(false);

        var temporary = string.IsNullOrEmpty(options.DataDirectory)
            ? Directory.CreateTempSubdirectory("testbed-emulators-").FullName
            : null;
        var dataDirectory = Path.GetFullPath(temporary ?? options.DataDirectory!);
        try
        {
            Directory.CreateDirectory(dataDirectory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStartException($"The emulators' data folder '{dataDirectory}' cannot be used: {error.Message}", error);
        }

        var starting = Enum.GetValues<EmulatorService>()
            .Select(service => EmulatorProcess.StartAsync(service, emulatorsDirectory, dataDirectory, options, cancellationToken))
            .ToList();
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            // One failed: stop the others that did start, then report the first failure.
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await task.Result.DisposeAsync().ConfigureAwait(false);
            }

            DeleteQuietly(temporary);
            throw starting.First(t => t.IsFaulted).Exception!.InnerException!;
        }

        var host = new EmulatorHost([.. starting.Select(t => t.Result)], emulatorsDirectory, dataDirectory, temporary, options);
        try
        {
            await ReadinessProbe.WaitUntilAnsweringAsync(host.Endpoints, options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        host.StartupTime = watch.Elapsed;
        foreach (var process in host.Processes)
        {
            options.Progress?.Report($"{process.Service} emulator ready at {process.Endpoint} (pid {process.ProcessId})");
        }

        return host;
    }

    /// <summary>Stops one emulator, as if that AWS service went down; its data stays.</summary>
    public ValueTask StopAsync(EmulatorService service) => this[service].DisposeAsync();

    /// <summary>Starts a stopped (or crashed) emulator again on the same port with the same data.</summary>
    public async Task RestartAsync(EmulatorService service, CancellationToken cancellationToken = default)
    {
        var old = this[service];
        await old.DisposeAsync().ConfigureAwait(false);
        var ports = new Dictionary<EmulatorService, int>(_options.Ports) { [service] = old.Port };
        var fresh = await EmulatorProcess.StartAsync(service, _emulatorsDirectory, DataDirectory, _options with { Ports = ports }, cancellationToken).ConfigureAwait(false);
        lock (_processes)
        {
            _processes[_processes.IndexOf(old)] = fresh;
        }
    }

    /// <summary>Stops every emulator and deletes a temporary data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await Task.WhenAll(Processes.Select(p => p.DisposeAsync().AsTask())).ConfigureAwait(false);
        DeleteQuietly(_temporaryDataDirectory);
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The host is going away without disposing us (Ctrl+C, SIGTERM): leave no emulator behind.
        foreach (var process in Processes)
        {
            process.Kill();
        }
    }

    private static void DeleteQuietly(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS temp cleaner takes it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
