using System.Diagnostics;
using Testbed.Testing;

namespace Testbed.Emulators.Tests;

/// <summary>An emulator never outlives the process that started it, even when that process is killed outright.</summary>
public sealed class OrphanTests
{
    [Fact]
    public async Task An_emulator_ends_when_its_parent_is_killed_with_SIGKILL()
    {
        // A Node.js parent that starts the launcher the way the .NET host does (stdin as a pipe) and then is killed.
        const string parentScript =
            "const c = require('child_process').spawn(process.execPath, ['launch.js', 'kinesis', '--port', '0'], { stdio: ['pipe', 'pipe', 'inherit'] });" +
            "c.stdout.on('data', d => console.log(String(d).includes('ready') ? 'child ' + c.pid : 'output ' + String(d).trim()));" +
            "c.on('exit', code => console.log('exited ' + code));" +
            "setInterval(() => {}, 1000);";
        var directory = EmulatorsDirectory.Locate();
        await NpmInstaller.EnsureInstalledAsync(directory, new EmulatorHostOptions(), TestContext.Current.CancellationToken);
        var info = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(parentScript);
        using var parent = Process.Start(info)!;
        try
        {
            var line = await parent.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.StartsWith("child ", line, StringComparison.Ordinal);
            var childPid = int.Parse(line!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(ProcessProbe.IsAlive(childPid));

            parent.Kill();

            await Eventually.HoldsAsync(() => !ProcessProbe.IsAlive(childPid), TimeSpan.FromSeconds(10), $"emulator {childPid} ended after its parent was killed");
        }
        finally
        {
            if (!parent.HasExited)
            {
                parent.Kill(entireProcessTree: true);
            }
        }
    }
}
