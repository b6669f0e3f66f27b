using System.Globalization;
using System.Text;
using System.Text.Json;
using Testbed.Ingestion.Parsing;
using Testbed.Records.Items;

namespace Testbed.Ingestion.Datasets;

/// <summary>Reads a CSV file with a header row, or NDJSON, into JSON object rows; a CSV value that parses as a number becomes a number, an empty one null.</summary>
public static class DatasetParser
{
    /// <summary>Parses a CSV body.</summary>
    public static ParsedDataset ParseCsv(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        var records = CsvRecords.Read(text, out var unterminatedAt);
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            return new ParsedDataset([], [new RejectedRow(1, "The file has no header row.")], []);
        }

        var header = records[0].Fields;
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return new ParsedDataset([], [new RejectedRow(1, $"The header names column '{duplicate.Key}' twice.")], header);
        }

        var rows = new List<JsonElement>();
        var rejected = new List<RejectedRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (unterminatedAt == line)
            {
                rejected.Add(new RejectedRow(line, "A quoted field is never closed."));
            }
            else if (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }
            else if (fields.Length != header.Length)
            {
                rejected.Add(new RejectedRow(line, $"{fields.Length} fields; the header has {header.Length}."));
            }
            else
            {
                AddRow(rows, rejected, line, ToObject(header, fields));
            }
        }

        return new ParsedDataset(rows, rejected, header);
    }

    /// <summary>Parses an NDJSON body: each non-empty line must be a JSON object.</summary>
    public static ParsedDataset ParseNdjson(byte[] body)
    {
        var rows = new List<JsonElement>();
        var rejected = new List<RejectedRow>();
        var lines = Encoding.UTF8.GetString(body).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            using var document = BodyParser.ParseDocument(Encoding.UTF8.GetBytes(lines[i]), out var error);
            if (document is null)
            {
                rejected.Add(new RejectedRow(i + 1, error!.Replace("line 1, ", string.Empty, StringComparison.Ordinal)));
            }
            else if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                rejected.Add(new RejectedRow(i + 1, "A row must be a JSON object."));
            }
            else
            {
                AddRow(rows, rejected, i + 1, document.RootElement.Clone());
            }
        }

        var columns = rows.SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        return new ParsedDataset(rows, rejected, columns);
    }

    // A row DynamoDB cannot store would stop its shard's processing; it is reported like any unreadable row.
    private static void AddRow(List<JsonElement> rows, List<RejectedRow> rejected, long line, JsonElement row)
    {
        if (DynamoDbLimits.ProblemWith(row) is { } problem)
        {
            rejected.Add(new RejectedRow(line, $"The row cannot be stored: {problem}."));
        }
        else
        {
            rows.Add(row);
        }
    }

    private static JsonElement ToObject(string[] header, string[] fields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < header.Length; i++)
            {
                writer.WritePropertyName(header[i]);
                var value = fields[i];
                if (value.Length == 0)
                {
                    writer.WriteNullValue();
                }
                else if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && number.ToString(CultureInfo.InvariantCulture) == value)
                {
                    // Only values that read back the same become numbers: "007" or "1e5" stay text.
                    writer.WriteRawValue(value);
                }
                else
                {
                    writer.WriteStringValue(value);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
