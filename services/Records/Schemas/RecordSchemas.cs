namespace Testbed.Records.Schemas;

/// <summary>The published JSON Schemas of the formats other producers and consumers rely on, embedded in this assembly.</summary>
public static class RecordSchemas
{
    /// <summary>The event record on the stream and on each line of the lake's raw/ objects.</summary>
    public const string EventRecord = "event-record";

    /// <summary>Every published schema's name.</summary>
    public static IReadOnlyList<string> Names { get; } = [EventRecord];

    /// <summary>The schema's JSON text, or null for a name that is not published.</summary>
    public static string? Read(string name)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        using var stream = typeof(RecordSchemas).Assembly.GetManifestResourceStream(ResourceName(name))
            ?? throw new InvalidOperationException($"The schema '{name}' is not embedded in {typeof(RecordSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ResourceName(string name) => $"Testbed.Records.Schemas.{name}.schema.json";
}
