using System.Text.RegularExpressions;

namespace Testbed.Records.Events;

/// <summary>What makes an event's fields valid; ingestion enforces them, the processor relies on them.</summary>
public static partial class EventRules
{
    /// <summary>Kinesis's limit for one record's data and partition key together.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>The longest type or id.</summary>
    public const int MaxNameLength = 128;

    /// <summary>A type's pattern as JSON Schema and OpenAPI write it (ECMA-262, where $ is the very end): letters, digits, '.', '_' or '-'.</summary>
    public const string TypeCharacters = "^" + TypeSet + "+$";

    /// <summary>An id's pattern as JSON Schema and OpenAPI write it: letters, digits, '.', '_', ':' or '-'.</summary>
    public const string IdCharacters = "^" + IdSet + "+$";

    private const string TypeSet = "[A-Za-z0-9._-]";
    private const string IdSet = "[A-Za-z0-9._:-]";

    /// <summary>What a client is told when a type breaks the rule, under the field 'type'.</summary>
    public static readonly string TypeRule = $"'type' must be 1-{MaxNameLength} letters, digits, '.', '_' or '-'.";

    /// <summary>Whether a type is 1-128 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidType(string value) => value.Length is > 0 and <= MaxNameLength && TypePattern().IsMatch(value);

    /// <summary>Whether an id is 1-128 letters, digits, '.', '_', ':' or '-'.</summary>
    public static bool IsValidId(string value) => value.Length is > 0 and <= MaxNameLength && IdPattern().IsMatch(value);

    // \z, not $: in .NET, $ also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex("^" + TypeSet + @"+\z")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^" + IdSet + @"+\z")]
    private static partial Regex IdPattern();
}
