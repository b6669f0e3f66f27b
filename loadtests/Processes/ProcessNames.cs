namespace Testbed.LoadTests.Processes;

/// <summary>Names a process of the stack by its command line, as the report shows it; null for a process that is not part of the stack.</summary>
public static class ProcessNames
{
    private static readonly (string Marker, string Name)[] Services =
    [
        ("Testbed.Ingestion", "ingestion"),
        ("Testbed.Processor", "processor"),
        ("Testbed.Api", "api"),
        ("Testbed.Provisioner", "provision"),
        ("Testbed.Identity", "identity"),
        ("Testbed.Web", "web"),
    ];

    private static readonly string[] Emulators = ["kinesis", "dynamodb", "s3"];

    /// <summary>The report's name for the command line (its arguments joined by spaces).</summary>
    public static string? Of(string commandLine)
    {
        if (commandLine.Contains("launch.js", StringComparison.Ordinal))
        {
            var service = Emulators.FirstOrDefault(e => commandLine.Contains($"launch.js {e} ", StringComparison.Ordinal) || commandLine.EndsWith($"launch.js {e}", StringComparison.Ordinal));
            return service is null ? "emulator" : $"{service} emulator";
        }

        if (commandLine.Contains("edge.js", StringComparison.Ordinal))
        {
            return "edge (LocalStack-compatible)";
        }

        foreach (var (marker, name) in Services)
        {
            if (commandLine.Contains(marker, StringComparison.Ordinal))
            {
                // Aspire starts a project through `dotnet run --no-build`, which stays as the service's parent.
                return commandLine.Contains(" run ", StringComparison.Ordinal) ? $"{name} launcher" : name;
            }
        }

        if (commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal))
        {
            return "dashboard";
        }

        var executable = commandLine.Split(' ', 2)[0];
        return Path.GetFileName(executable) == "dcp" ? "dcp (orchestrator)" : null;
    }
}
