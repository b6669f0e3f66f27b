using System.Text;
using System.Text.Json;

namespace Testbed.Ingestion.Parsing;

/// <summary>Turns a request body into JSON elements: one document, a JSON array, or NDJSON lines; malformed JSON is reported with its position.</summary>
public static class BodyParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses one JSON document; on failure returns null and a message with line and byte position.</summary>
    public static JsonDocument? ParseDocument(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            error = Malformed(e, lineOffset: 0);
            return null;
        }
    }

    /// <summary>Parses NDJSON: one document per non-empty line.</summary>
    public static List<JsonDocument>? ParseLines(ReadOnlyMemory<byte> body, out string? error)
    {
        var documents = new List<JsonDocument>();
        var text = body.Span;
        var line = 0;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var current = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            line++;
            if (IsBlank(current))
            {
                continue;
            }

            try
            {
                documents.Add(JsonDocument.Parse(current.ToArray(), Options));
            }
            catch (JsonException e)
            {
                foreach (var document in documents)
                {
                    document.Dispose();
                }

                error = Malformed(e, lineOffset: line - 1);
                return null;
            }
        }

        error = null;
        return documents;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Malformed(JsonException e, long lineOffset)
    {
        var line = (e.LineNumber ?? 0) + 1 + lineOffset;
        var position = (e.BytePositionInLine ?? 0) + 1;
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return new StringBuilder("Malformed JSON at line ").Append(line).Append(", byte ").Append(position).Append(": ")
            .Append(cut > 0 ? reason[..cut].TrimEnd('.', ' ') : reason).Append('.').ToString();
    }
}
