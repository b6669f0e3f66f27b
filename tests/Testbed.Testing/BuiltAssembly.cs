using System.Reflection;

namespace Testbed.Testing;

/// <summary>Finds a project's built assembly in the repository, built in the same configuration as the tests.</summary>
public static class BuiltAssembly
{
    /// <summary>The path of e.g. services/Ingestion/bin/Debug/net10.0/Testbed.Ingestion.dll.</summary>
    public static string Of(string projectFolder, string assemblyName)
    {
        var configuration = typeof(BuiltAssembly).Assembly.GetCustomAttributes<AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Testbed.sln")))
            {
                var path = Path.Combine(dir.FullName, projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; the test project must reference {projectFolder}.", path);
            }
        }

        throw new InvalidOperationException("The repository root (Testbed.sln) was not found above the test binaries.");
    }
}
