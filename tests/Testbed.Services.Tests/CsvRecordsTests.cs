using Testbed.Ingestion.Datasets;

namespace Testbed.Services.Tests;

/// <summary>The CSV splitter on the cases RFC 4180 makes tricky.</summary>
public sealed class CsvRecordsTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_first_line()
    {
        var records = CsvRecords.Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n3,4", out var unterminated);

        Assert.Null(unterminated);
        Assert.Equal([1L, 2L, 3L, 5L], records.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["3", "4"], records[3].Fields);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_with_the_line_it_opened_on()
    {
        var records = CsvRecords.Read("a\n1\n\"open\n2\n", out var unterminated);

        Assert.Equal(3L, unterminated);
        Assert.Equal(3, records.Count);
    }

    [Fact]
    public void Values_become_numbers_only_when_they_read_back_the_same()
    {
        var parsed = DatasetParser.ParseCsv("n,zip,exp,empty\n1.50,007,1e5,\n"u8.ToArray());

        var row = Assert.Single(parsed.Rows);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, row.GetProperty("n").ValueKind);
        Assert.Equal("007", row.GetProperty("zip").GetString());
        Assert.Equal("1e5", row.GetProperty("exp").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("empty").ValueKind);
    }

    [Fact]
    public void A_header_with_a_repeated_column_rejects_the_file()
    {
        var parsed = DatasetParser.ParseCsv("a,a\n1,2\n"u8.ToArray());

        Assert.Empty(parsed.Rows);
        Assert.Contains("twice", Assert.Single(parsed.Rejected).Error, StringComparison.Ordinal);
    }
}
