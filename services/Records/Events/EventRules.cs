using System.Text.RegularExpressions;

namespace Testbed.Records.Events;

/// <summary>What makes an event's fields valid; ingestion enforces them, the processor relies on them.</summary>
public static partial class EventRules
{
    /// <summary>Kinesis's limit for one record's data and partition key together.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>The longest type or id.</summary>
    public const int MaxNameLength = 128;

    /// <summary>The characters of a type: letters, digits, '.', '_' or '-'.</summary>
    public const string TypeCharacters = "^[A-Za-z0-9._-]+$";

    /// <summary>The characters of an id: letters, digits, '.', '_', ':' or '-'.</summary>
    public const string IdCharacters = "^[A-Za-z0-9._:-]+$";

    /// <summary>Whether a type is 1-128 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidType(string value) => value.Length is > 0 and <= MaxNameLength && TypePattern().IsMatch(value);

    /// <summary>Whether an id is 1-128 letters, digits, '.', '_', ':' or '-'.</summary>
    public static bool IsValidId(string value) => value.Length is > 0 and <= MaxNameLength && IdPattern().IsMatch(value);

    [GeneratedRegex(TypeCharacters)]
    private static partial Regex TypePattern();

    [GeneratedRegex(IdCharacters)]
    private static partial Regex IdPattern();
}
