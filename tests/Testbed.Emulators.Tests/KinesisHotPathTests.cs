using System.Text.Json;

namespace Testbed.Emulators.Tests;

/// <summary>The Kinesis emulator's native arithmetic (emulators/lib/kinesisHotPath.js) answers exactly as kinesalite's own functions do.</summary>
public sealed class KinesisHotPathTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sequence_numbers_and_hash_keys_match_kinesalite_input_by_input()
    {
        var emulators = EmulatorsDirectory.Locate();
        await NpmInstaller.EnsureInstalledAsync(emulators, new EmulatorHostOptions(), Ct);
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "kinesis-hot-path.check.js");

        var result = await CommandRunner.RunAsync("node", [script, emulators], emulators, null, TimeSpan.FromMinutes(2), Ct);

        Assert.True(result.ExitCode == 0, string.Join(Environment.NewLine, result.Tail));
        using var report = JsonDocument.Parse(result.Tail[^1]);
        Assert.True(report.RootElement.GetProperty("checked").GetInt32() > 50_000, result.Tail[^1]);
        Assert.True(report.RootElement.GetProperty("mismatches").GetArrayLength() == 0, $"the replacements differ from kinesalite: {result.Tail[^1]}");
    }
}
