using Testbed.Emulators;

namespace Testbed.Testing;

/// <summary>Removes containers that test runs which died left behind: those labelled with the id of a process that no longer runs.</summary>
public static class LeftoverContainers
{
    /// <summary>Removes every container whose <paramref name="ownerLabel"/> names a dead process.</summary>
    public static async Task RemoveAsync(string ownerLabel, CancellationToken cancellationToken)
    {
        var listed = await CommandRunner.RunAsync(
            "docker",
            ["ps", "-a", "--filter", $"label={ownerLabel}", "--format", $"{{{{.ID}}}} {{{{.Label \"{ownerLabel}\"}}}}"],
            Directory.GetCurrentDirectory(),
            null,
            TimeSpan.FromSeconds(30),
            cancellationToken);
        foreach (var line in listed.Tail)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[1], out var owner) && !ProcessProbe.IsAlive(owner))
            {
                await CommandRunner.RunAsync("docker", ["rm", "-f", parts[0]], Directory.GetCurrentDirectory(), null, TimeSpan.FromSeconds(30), cancellationToken);
            }
        }
    }
}
