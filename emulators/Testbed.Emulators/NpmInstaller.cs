using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Testbed.Emulators;

/// <summary>Makes sure Node.js is there and the pinned emulators are installed (npm ci), once per lock file, safely across processes.</summary>
public static class NpmInstaller
{
    private const int MinimumNodeMajor = 20;
    private const string StampFile = ".testbed-lock.sha256";

    /// <summary>Installs the emulators when node_modules is missing or older than package-lock.json.</summary>
    public static async Task EnsureInstalledAsync(string emulatorsDirectory, EmulatorHostOptions options, CancellationToken cancellationToken)
    {
        await CheckNodeAsync(options, cancellationToken).ConfigureAwait(false);

        var lockFile = Path.Combine(emulatorsDirectory, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            throw new EmulatorStartException($"'{lockFile}' is missing; the emulators' versions are pinned there. Restore it from git.");
        }

        var wanted = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lockFile, cancellationToken).ConfigureAwait(false)));
        var stamp = Path.Combine(emulatorsDirectory, "node_modules", StampFile);
        if (await ReadStampAsync(stamp, cancellationToken).ConfigureAwait(false) == wanted)
        {
            return;
        }

        // Test assemblies run in parallel; only one of them may run npm ci in the folder at a time.
        await using var gate = await AcquireLockAsync(Path.Combine(emulatorsDirectory, ".install.lock"), options.InstallTimeout, cancellationToken).ConfigureAwait(false);
        if (await ReadStampAsync(stamp, cancellationToken).ConfigureAwait(false) == wanted)
        {
            return;
        }

        options.Progress?.Report($"Installing the emulators (npm ci in {emulatorsDirectory}); this happens once per lock file…");
        var watch = Stopwatch.StartNew();
        CommandRunner.Result result;
        var fetched = 0;
        try
        {
            result = await CommandRunner.RunAsync(
                options.NpmExecutable,
                ["ci", "--no-audit", "--no-fund", "--loglevel=http"],
                emulatorsDirectory,
                line => ReportNpmLine(line, ref fetched, options.Progress),
                options.InstallTimeout,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception error)
        {
            throw new EmulatorStartException(
                $"npm was not found ('{options.NpmExecutable}'). Install Node.js {MinimumNodeMajor}+ with npm (Debian: apt-get install nodejs npm), then run again.", error);
        }
        catch (TimeoutException error)
        {
            throw new EmulatorStartException($"Installing the emulators timed out: {error.Message} Check that the npm registry is reachable.", error);
        }

        if (result.ExitCode != 0)
        {
            throw new EmulatorStartException(
                $"npm ci failed with exit code {result.ExitCode} in {emulatorsDirectory}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Tail)}");
        }

        await File.WriteAllTextAsync(stamp, wanted, cancellationToken).ConfigureAwait(false);
        options.Progress?.Report($"Emulators installed in {watch.Elapsed.TotalSeconds:0.0} s.");
    }

    private static void ReportNpmLine(string line, ref int fetched, IProgress<string>? progress)
    {
        // One "npm http fetch" line per package is too much to print; a running count shows the progress.
        if (line.StartsWith("npm http fetch", StringComparison.Ordinal))
        {
            if (++fetched % 25 == 0)
            {
                progress?.Report($"npm: {fetched} packages fetched…");
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(line))
        {
            progress?.Report("npm: " + line);
        }
    }

    private static async Task CheckNodeAsync(EmulatorHostOptions options, CancellationToken cancellationToken)
    {
        CommandRunner.Result result;
        try
        {
            result = await CommandRunner.RunAsync(options.NodeExecutable, ["--version"], Directory.GetCurrentDirectory(), null, TimeSpan.FromSeconds(30), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Win32Exception error)
        {
            throw new EmulatorStartException(
                $"Node.js was not found ('{options.NodeExecutable}' is not on PATH). The local AWS emulators run on Node.js {MinimumNodeMajor}+: " +
                "install it (Debian: apt-get install nodejs npm), or choose another AWS mode with Aws__Mode=LocalStack or Aws__Mode=Aws.", error);
        }

        var version = result.Tail.FirstOrDefault()?.TrimStart('v') ?? string.Empty;
        var major = int.TryParse(version.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : 0;
        if (result.ExitCode != 0 || major < MinimumNodeMajor)
        {
            throw new EmulatorStartException($"Node.js {MinimumNodeMajor} or later is needed for the emulators; '{options.NodeExecutable} --version' said '{version}'.");
        }
    }

    private static async Task<string?> ReadStampAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim() : null;

    private static async Task<FileStream> AcquireLockAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
