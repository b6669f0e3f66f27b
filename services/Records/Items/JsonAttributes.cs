using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Testbed.Records.Items;

/// <summary>Converts JSON values to DynamoDB attribute values and back, keeping numbers as their exact decimal text.</summary>
public static class JsonAttributes
{
    /// <summary>A JSON value as an attribute value (object → M, array → L, number → N, string → S, bool → BOOL, null → NULL).</summary>
    public static AttributeValue ToAttribute(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => new AttributeValue { M = value.EnumerateObject().ToDictionary(p => p.Name, p => ToAttribute(p.Value)) },
        JsonValueKind.Array => new AttributeValue { L = [.. value.EnumerateArray().Select(ToAttribute)] },
        JsonValueKind.Number => new AttributeValue { N = value.GetRawText() },
        JsonValueKind.String => new AttributeValue { S = value.GetString() },
        JsonValueKind.True => new AttributeValue { BOOL = true },
        JsonValueKind.False => new AttributeValue { BOOL = false },
        _ => new AttributeValue { NULL = true },
    };

    /// <summary>Writes an attribute value as JSON.</summary>
    public static void Write(Utf8JsonWriter writer, AttributeValue value)
    {
        if (value.M is { } map && (value.IsMSet || map.Count > 0))
        {
            writer.WriteStartObject();
            foreach (var (name, item) in map)
            {
                writer.WritePropertyName(name);
                Write(writer, item);
            }

            writer.WriteEndObject();
        }
        else if (value.L is { } list && (value.IsLSet || list.Count > 0))
        {
            writer.WriteStartArray();
            foreach (var item in list)
            {
                Write(writer, item);
            }

            writer.WriteEndArray();
        }
        else if (value.N is { } number)
        {
            writer.WriteRawValue(decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? number : "null");
        }
        else if (value.S is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>An attribute value as a JSON element.</summary>
    public static JsonElement ToJson(AttributeValue value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
