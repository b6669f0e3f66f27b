namespace Testbed.Emulators;

/// <summary>Finds the Testbed repository (the folder holding Testbed.sln) above the running program or the working directory.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository's root folder; throws when the program does not run from inside a clone.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Testbed.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"The repository root (Testbed.sln) was not found above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'.");
    }
}
