namespace Testbed.AppHost.Hosting;

/// <summary>Prefixed, timestamped lines on the console, one writer at a time, each also kept in the <see cref="LogBook"/> for the dashboard.</summary>
public static class ConsoleLog
{
    private static readonly Lock Gate = new();

    /// <summary>A progress sink that writes lines of one resource.</summary>
    public static IProgress<string> For(string resource) => new SynchronousProgress(line => Write(resource, line));

    /// <summary>Writes a line for a resource.</summary>
    public static void Write(string resource, string line)
    {
        LogBook.Shared.Append(resource, line);
        lock (Gate)
        {
            Console.Out.WriteLine($"{DateTime.Now:HH:mm:ss} {resource,-10} {line}");
        }
    }

    // Progress<T> posts to the thread pool and can reorder lines; this one writes at once.
    private sealed class SynchronousProgress(Action<string> write) : IProgress<string>
    {
        public void Report(string value) => write(value);
    }
}
