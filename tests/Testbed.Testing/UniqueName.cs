namespace Testbed.Testing;

/// <summary>Resource names no other test uses, so tests share the emulators without seeing each other's data.</summary>
public static class UniqueName
{
    /// <summary>A lower-case name like "kinesis-3f9a1c2b" (valid for streams, tables and buckets).</summary>
    public static string For(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 9)].ToLowerInvariant();
}
