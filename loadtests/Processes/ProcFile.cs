namespace Testbed.LoadTests.Processes;

/// <summary>Reads one file under /proc, where a process may end between listing and reading.</summary>
internal static class ProcFile
{
    /// <summary>The file's text; null when it is gone or unreadable.</summary>
    public static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
