using System.Globalization;
using System.Text.Json;
using Testbed.Records.Events;
using Testbed.Records.Items;

namespace Testbed.Ingestion.Parsing;

/// <summary>Checks one event object field by field; every problem is reported under the field's name.</summary>
public static class EventValidator
{
    private static readonly HashSet<string> KnownFields = ["type", "id", "timestamp", "data"];

    /// <summary>The draft, or null with the problems added under "<paramref name="prefix"/>field".</summary>
    public static EventDraft? Validate(JsonElement element, string prefix, IDictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[Field(prefix, "$")] = [$"An event must be a JSON object, not {Describe(element.ValueKind)}."];
            return null;
        }

        var before = errors.Count;
        string? type = null;
        string? id = null;
        DateTimeOffset? timestamp = null;
        JsonElement? data = null;

        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type":
                    type = RequireString(property.Value, Field(prefix, "type"), errors);
                    if (type is not null && !EventRules.IsValidType(type))
                    {
                        errors[Field(prefix, "type")] = [EventRules.TypeRule];
                    }

                    break;
                case "id":
                    id = RequireString(property.Value, Field(prefix, "id"), errors);
                    if (id is not null && !EventRules.IsValidId(id))
                    {
                        errors[Field(prefix, "id")] = [$"'id' must be 1-{EventRules.MaxNameLength} letters, digits, '.', '_', ':' or '-'."];
                    }

                    break;
                case "timestamp":
                    var text = RequireString(property.Value, Field(prefix, "timestamp"), errors);
                    if (text is not null)
                    {
                        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && HasOffset(text))
                        {
                            timestamp = parsed;
                        }
                        else
                        {
                            errors[Field(prefix, "timestamp")] = ["'timestamp' must be an ISO 8601 date-time with a UTC offset, such as 2026-11-22T10:00:00Z."];
                        }
                    }

                    break;
                case "data":
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        errors[Field(prefix, "data")] = [$"'data' must be a JSON object, not {Describe(property.Value.ValueKind)}."];
                    }
                    else if (DynamoDbLimits.ProblemWith(property.Value) is { } unstorable)
                    {
                        errors[Field(prefix, "data")] = [$"'data' cannot be stored: {unstorable}."];
                    }
                    else
                    {
                        data = property.Value.Clone();
                    }

                    break;
                default:
                    errors[Field(prefix, property.Name)] = [$"Unknown field '{property.Name}'; an event has {string.Join(", ", KnownFields)}."];
                    break;
            }
        }

        if (type is null && !errors.ContainsKey(Field(prefix, "type")))
        {
            errors[Field(prefix, "type")] = ["'type' is required."];
        }

        if (data is null && !errors.ContainsKey(Field(prefix, "data")))
        {
            errors[Field(prefix, "data")] = ["'data' is required: a JSON object."];
        }

        return errors.Count == before ? new EventDraft(type!, data!.Value, id, timestamp) : null;
    }

    private static string? RequireString(JsonElement value, string field, IDictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors[field] = [$"'{field[(field.LastIndexOf('.') + 1)..]}' must be a string, not {Describe(value.ValueKind)}."];
        return null;
    }

    // "2026-11-22T10:00:00" would silently mean the server's zone; require Z or ±hh:mm.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string Field(string prefix, string name) => prefix + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
