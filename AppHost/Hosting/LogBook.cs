namespace Testbed.AppHost.Hosting;

/// <summary>The most recent console lines of every resource, kept in memory for the dashboard.</summary>
public sealed class LogBook
{
    private const int LinesPerSource = 10_000;
    private readonly Dictionary<string, Queue<LogLine>> _sources = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    /// <summary>The book every resource of this process writes to.</summary>
    public static LogBook Shared { get; } = new();

    /// <summary>The names of the resources that wrote something, in the order they first did.</summary>
    public IReadOnlyList<string> Sources
    {
        get
        {
            lock (_gate)
            {
                return [.. _sources.Keys];
            }
        }
    }

    /// <summary>Keeps a line; the oldest line of that source goes once it has too many.</summary>
    public void Append(string source, string text)
    {
        lock (_gate)
        {
            if (!_sources.TryGetValue(source, out var lines))
            {
                _sources[source] = lines = new Queue<LogLine>();
            }

            lines.Enqueue(new LogLine(++_sequence, DateTimeOffset.Now, text));
            if (lines.Count > LinesPerSource)
            {
                lines.Dequeue();
            }
        }
    }

    /// <summary>Up to <paramref name="limit"/> lines of a source after a sequence number (the newest ones when more match), optionally only those containing <paramref name="search"/>.</summary>
    public IReadOnlyList<LogLine> Read(string source, long after = 0, string? search = null, int limit = 2_000)
    {
        lock (_gate)
        {
            if (!_sources.TryGetValue(source, out var lines))
            {
                return [];
            }

            var matching = lines
                .Where(l => l.Sequence > after)
                .Where(l => string.IsNullOrEmpty(search) || l.Text.Contains(search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return matching.Count > limit ? matching[^limit..] : matching;
        }
    }
}
