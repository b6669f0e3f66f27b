using System.Reflection;
using Testbed.Emulators;

namespace Testbed.AppHost.Resources;

/// <summary>Finds a service's built assembly in the repository, built in the AppHost's own configuration.</summary>
public static class ServiceAssembly
{
    /// <summary>The path of Testbed.&lt;folder name&gt;.dll under the project folder's bin; fails naming the build command when it is missing.</summary>
    public static string Locate(string projectFolder)
    {
        var configuration = typeof(ServiceAssembly).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var assemblyName = "Testbed." + Path.GetFileName(projectFolder);
        return RepositoryRoot.BuiltAssembly(projectFolder, assemblyName, configuration, "`dotnet run --project AppHost` builds it");
    }
}
