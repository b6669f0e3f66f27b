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

    /// <summary>The path of a project's built assembly (e.g. services/Ingestion/bin/Debug/net10.0/Testbed.Ingestion.dll); throws naming <paramref name="howToBuild"/> when it is missing.</summary>
    public static string BuiltAssembly(string projectFolder, string assemblyName, string configuration, string howToBuild)
    {
        var path = Path.Combine(Find(), projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; {howToBuild}.", path);
    }
}
