namespace Testbed.Emulators;

/// <summary>Finds the repository's emulators/ folder (package.json, package-lock.json, launch.js).</summary>
public static class EmulatorsDirectory
{
    /// <summary>The environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "TESTBED_EMULATORS_DIR";

    /// <summary>The configured folder, else the first emulators/ found above the program or the working directory.</summary>
    public static string Locate(string? configured = null)
    {
        var candidate = configured ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(candidate))
        {
            return IsEmulatorsFolder(candidate)
                ? Path.GetFullPath(candidate)
                : throw new EmulatorStartException($"'{candidate}' has no package.json and launch.js of Testbed's emulators.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var folder = Path.Combine(dir.FullName, "emulators");
                if (IsEmulatorsFolder(folder))
                {
                    return folder;
                }
            }
        }

        throw new EmulatorStartException(
            $"Could not find Testbed's emulators/ folder above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'. " +
            $"Run from inside the repository or set {EnvironmentVariable}.");
    }

    private static bool IsEmulatorsFolder(string folder) =>
        File.Exists(Path.Combine(folder, "package.json")) && File.Exists(Path.Combine(folder, "launch.js"));
}
