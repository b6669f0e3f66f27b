using System.Reflection;
using Testbed.Emulators;

namespace Testbed.Testing;

/// <summary>Finds a project's built assembly in the repository, built in the same configuration as the tests.</summary>
public static class BuiltAssembly
{
    /// <summary>The path of e.g. services/Ingestion/bin/Debug/net10.0/Testbed.Ingestion.dll.</summary>
    public static string Of(string projectFolder, string assemblyName)
    {
        var configuration = typeof(BuiltAssembly).Assembly.GetCustomAttributes<AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
        return RepositoryRoot.BuiltAssembly(projectFolder, assemblyName, configuration, $"the test project must reference {projectFolder}");
    }
}
