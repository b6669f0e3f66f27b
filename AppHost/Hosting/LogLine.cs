namespace Testbed.AppHost.Hosting;

/// <summary>One line a resource wrote, numbered so a reader can ask for what came after it.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset Time, string Text);
