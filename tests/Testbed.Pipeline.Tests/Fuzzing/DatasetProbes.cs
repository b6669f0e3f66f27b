using System.Text;
using CsCheck;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Generators of uploads to ingestion's POST /datasets/{name}: odd names, CSV with bad rows and quotes, NDJSON with bad lines, odd content types.</summary>
public static class DatasetProbes
{
    private const string Csv = "text/csv";

    private static readonly (string? ContentType, bool Csv, bool Ndjson)[] ContentTypes =
    [
        (Csv, true, false), ("text/csv; charset=utf-8", true, false), ("TEXT/CSV; header=present", true, false), ("application/x-ndjson", false, true), ("application/jsonl; charset=utf-8", false, true),
        (null, false, false), ("text/plain", false, false), ("application/json", false, false), ("text/csvx", false, false), ("text/comma-separated-values", false, false),
        ("application/vnd.ms-excel", false, false), ("*/*", false, false), ("text/*", false, false), (string.Empty, false, false), ("application/json-seq", false, false),
    ];

    // Cells that make a CSV hard: quotes opened and never closed, quotes mid-field, commas and line breaks in quotes, numbers at decimal's edge.
    private static readonly string[] OddCells =
    [
        "\"", "\"a", "a\"b", "\"a,b\"", "\"a\nb\"", "\"a\"\"b\"", "\"\"", "x\r", "\r", "1e5", "007", "-0", "1.50", "79228162514264337593543950335", "-79228162514264337593543950335",
        "0.0000000000000000000000000001", "1E400", "NaN", "Infinity", " 1", "\ufeff", "é中😀", "\t", "=1+1", "null", "true", string.Empty,
    ];

    /// <summary>A small valid CSV under an odd dataset name: accepted exactly when the name is 1-100 name characters.</summary>
    public static Gen<Probe> OddNames { get; } = OddText.UrlName.Select(name => new Probe(
        "odd dataset name",
        ProbeKind.Dataset,
        HttpMethod.Post,
        "datasets/" + Uri.EscapeDataString(name),
        "a,b\n1,x\n"u8.ToArray(),
        Csv,
        NameExpect(name)));

    /// <summary>CSV files of random cells: a header (sometimes with a column twice or an empty name), rows of the right or wrong width, odd cells; rows that parse are accepted, the rest reported.</summary>
    public static Gen<Probe> CsvFiles { get; } =
        from header in Gen.OneOf(Gen.OneOf("a", "b", "c", "a b", string.Empty, "\"q,\"", "n"), Gen.Char["abcxyz"].Array[1, 3].Select(c => new string(c))).Array[1, 4]
        from rows in Gen.OneOf(Gen.OneOf(OddCells), Gen.Int[-1000, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), OddText.Free.Select(f => f.Replace("\"", string.Empty, StringComparison.Ordinal))).Array[0, 5].Array[0, 6]
        from newline in Gen.OneOf("\n", "\r\n", "\r")
        from bom in Gen.Bool
        from suffix in Gen.Int[0, 9]
        let text = (bom ? "\ufeff" : string.Empty) + string.Join(newline, rows.Prepend(header).Select(r => string.Join(',', r))) + newline
        select new Probe("CSV with bad rows and quotes", ProbeKind.Dataset, HttpMethod.Post, $"datasets/fz-csv-{suffix}", Encoding.UTF8.GetBytes(text), Csv, new Expect([202, 400], "body"));

    /// <summary>NDJSON files with bad lines in the middle: accepted with the bad lines reported, or refused when no line is a row.</summary>
    public static Gen<Probe> NdjsonFiles { get; } =
        from lines in Gen.Frequency(
            (3, EventBodies.Data),
            (1, Gen.OneOf("[1,2]", "1", "\"x\"", "{\"a\":", "not json", "{\"a\":1,\"a\":2}", "{\"n\":1e400}", "{\"\\ud800\":1}", "{\"s\":\"\\udfff\"}", string.Empty, "   "))).Array[0, 6]
        from suffix in Gen.Int[0, 9]
        select new Probe("NDJSON dataset with bad lines", ProbeKind.Dataset, HttpMethod.Post, $"datasets/fz-nd-{suffix}", Encoding.UTF8.GetBytes(string.Join('\n', lines)), "application/x-ndjson", new Expect([202, 400], "body"));

    /// <summary>A valid CSV under an odd Content-Type.</summary>
    public static Gen<Probe> UploadContentTypes { get; } = Gen.OneOf(ContentTypes).Select(type => new Probe(
        "dataset content type",
        ProbeKind.Dataset,
        HttpMethod.Post,
        "datasets/fz-ct",
        "{\"a\":1}\n"u8.ToArray(),
        type.ContentType,
        type.Ndjson ? Expect.Accepted() : type.Csv ? new Expect([202, 400], "body") : new Expect([415], "Content-Type")));

    // A dot segment or an empty name changes the path itself: the route is not found, or finds another endpoint.
    private static Expect NameExpect(string name) =>
        name is "" or "." or ".." ? new Expect([404, 405]) : OddText.IsName(name, max: 100) ? Expect.Accepted() : Expect.Invalid("name");
}
