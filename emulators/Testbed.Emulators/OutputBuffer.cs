namespace Testbed.Emulators;

/// <summary>The last lines a process wrote, bounded, safe to add to from its output threads.</summary>
public sealed class OutputBuffer(int capacity = 2000)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>Keeps a line, dropping the oldest beyond the capacity.</summary>
    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>A copy of the kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
