using System.Text;

namespace Testbed.Ingestion.Datasets;

/// <summary>Splits CSV text (RFC 4180: commas, double-quoted fields with "" for a quote, CRLF or LF) into records, each with the line it starts on.</summary>
public static class CsvRecords
{
    /// <summary>The records in order; an unterminated quote ends the text as one last record, reported with <paramref name="unterminatedAt"/>.</summary>
    public static List<(long Line, string[] Fields)> Read(string text, out long? unterminatedAt)
    {
        var records = new List<(long, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1L;
        var recordLine = 1L;
        var quoted = false;
        var quoteOpenedAt = 0L;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteOpenedAt = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, [.. fields]));
                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0 || quoted)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, [.. fields]));
        }

        unterminatedAt = quoted ? quoteOpenedAt : null;
        return records;
    }
}
