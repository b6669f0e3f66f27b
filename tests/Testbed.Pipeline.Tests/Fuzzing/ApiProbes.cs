using System.Text;
using CsCheck;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Generators of requests to the Api: odd path ids and names, garbage query strings, and edits with bad bodies or ETags.</summary>
public static class ApiProbes
{
    /// <summary>The dataset the fixture uploads, so dataset queries also reach existing rows and columns.</summary>
    public const string SeedDataset = "fz-seed";

    // No %00: Kestrel refuses a NUL in the path with an empty 400 before any endpoint runs.
    private static readonly string[] PercentGarbage = ["%FF", "%C0%80", "%E2%82", "%ED%A0%80", "%ZZ", "%", "%2F", "%0A", "%25", "%2", "+", "%20%20"];

    private static readonly string[] OddDates =
    [
        "yesterday", "2026-11-22", "2026-11-22T10:00:00", "2026-11-22T10:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00",
        "0001-01-01", "2026-02-30", "1e10", "-1", "99999999999999999999", "2026-11-22T10:00:00+99:00", "now", "12/31/2026", "31/12/2026", "Tue, 22 Nov 2026 10:00:00 GMT", "2026-11-22T10:00:00.99999999999Z",
    ];

    private static readonly string[] OddNumbers = ["0", "1", "-1", "1000", "1001", "abc", "1.5", "1e3", "0x10", " 5", "99999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "+1", "٣", "1_000", string.Empty];

    private static readonly string[] OddETags = ["\"0\"", "\"999\"", "W/\"1\"", "\"abc\"", "\"\"", "\"1\", \"2\"", "\"-1\"", "\"99999999999999999999\"", "\"1 \"", "abc", "\"", "W/", "\"2\"", "*, \"1\"", "\"1\"\"1\""];

    private static readonly string[] Statistics = ["mean", "median", "most-frequent"];

    // Tokens shaped like the Api's own (base64url JSON of a key) but naming keys the index does not have or values it never gave.
    private static readonly Gen<string> Token =
        from keys in Gen.OneOf("id", "type", "eventTime", "x", string.Empty).Array[1, 4]
        from value in OddText.Free
        select Convert.ToBase64String(Encoding.UTF8.GetBytes("{" + string.Join(',', keys.Distinct().Select(k => $"\"{k}\":{OddText.Literal(value)}")) + "}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A path segment: an odd name escaped, a very long id, or raw percent-encoding garbage.</summary>
    public static Gen<string> Segment { get; } = Gen.Frequency(
        (6, OddText.UrlName.Select(Uri.EscapeDataString)),
        (1, Gen.Int[2000, 2600].Select(n => new string('i', n))),
        (2, from name in OddText.UrlName from garbage in Gen.OneOf(PercentGarbage) select Uri.EscapeDataString(name) + garbage));

    /// <summary>A query value: odd text, an odd date or number, or raw percent-encoding garbage.</summary>
    public static Gen<string> QueryValue { get; } = Gen.Frequency(
        (3, OddText.UrlName.Select(Uri.EscapeDataString)),
        (3, Gen.OneOf(OddDates).Select(Uri.EscapeDataString)),
        (2, Gen.OneOf(OddNumbers).Select(Uri.EscapeDataString)),
        (1, Gen.OneOf(PercentGarbage)),
        // Long, but six of them stay within Kestrel's 8 KB request line: beyond it Kestrel answers 414 itself, before any endpoint.
        (1, Gen.Int[900, 1100].Select(n => new string('q', n))));

    /// <summary>GET /events/{id} with an odd id.</summary>
    public static Gen<Probe> EventIds { get; } = Segment.Select(id => Read("odd event id", "events/" + id, [200, 400, 404], null));

    /// <summary>GET /events and /aggregates with garbage, repeated and missing parameters, and GET /pipeline/status with parameters it does not have.</summary>
    public static Gen<Probe> Queries { get; } =
        from path in Gen.OneOf("events", "aggregates", "pipeline/status")
        from parameters in Gen.Frequency(
            (4, from name in Gen.OneOf("type", "from", "to", "limit", "next") from value in QueryValue select (Name: name, Value: value)),
            (1, from name in OddText.UrlName from value in QueryValue select (Name: Uri.EscapeDataString(name), Value: value)),
            (2, from value in Gen.OneOf(Token, Gen.Const("eyJpZCI6ImEifQ"), Gen.Const("e30"), Gen.Const("bnVsbA")) select (Name: "next", Value: value)),
            (2, from type in Gen.OneOf(Gen.Const("fz.valid"), Gen.Const("fz.numbers"), Gen.Const("dataset." + SeedDataset)) select (Name: "type", Value: type))).Array[0, 6]
        select Read("query string", path + (parameters.Length == 0 ? string.Empty : "?" + string.Join('&', parameters.Select(p => p.Name + "=" + p.Value))), path == "pipeline/status" ? [200] : [200, 400], null);

    /// <summary>GET on the dataset endpoints with odd names, row indexes and columns, on the seeded dataset and on none.</summary>
    public static Gen<Probe> DatasetQueries { get; } =
        from name in Gen.Frequency((1, Gen.Const(SeedDataset)), (2, Segment))
        from what in Gen.Frequency(
            (2, Gen.OneOf(Gen.OneOf(OddNumbers).Select(Uri.EscapeDataString), Gen.OneOf(PercentGarbage)).Select(index => "rows/" + index)),
            (1, Gen.Const("rows/random")),
            (3, from column in Gen.Frequency((1, Gen.OneOf(Gen.Const("n"), Gen.Const("s"))), (2, Segment)) from statistic in Gen.OneOf(Statistics) select $"columns/{column}/{statistic}"))
        select Read("dataset query", $"datasets/{name}/{what}", [200, 400, 404, 422], null);

    /// <summary>PUT /events/{id} with bad bodies, odd content types and garbage ETags, mostly aimed at the fixture's items.</summary>
    public static Gen<Probe> Updates(IReadOnlyList<string> targets) =>
        from target in Gen.Frequency((3, Gen.OneOf(targets.ToArray())), (1, OddText.UrlName))
        from body in EditBodies
        from contentType in Gen.Frequency((6, Gen.Const<string?>("application/json")), (1, Gen.OneOf<string?>(null, "text/plain", "application/json; charset=utf-8", "application/x-ndjson", "application/merge-patch+json", "*/*")))
        from etag in Gen.Frequency((3, Gen.OneOf(OddETags)), (1, Gen.OneOf("*", "\"1\"", string.Empty)), (1, Gen.Char[" !\"#*,/0123456789Wabc"].Array[0, 12].Select(c => new string(c))))
        select Edit("edit", HttpMethod.Put, target, Encoding.UTF8.GetBytes(body), contentType, etag, [200, 400, 404, 405, 412, 415]);

    /// <summary>DELETE /events/{id} with garbage ETags that never match a version.</summary>
    public static Gen<Probe> Deletes(IReadOnlyList<string> targets) =>
        from target in Gen.Frequency((3, Gen.OneOf(targets.ToArray())), (1, OddText.UrlName))
        // Not garbage: a blank If-Match (it reaches the server as none, an unconditional delete), or a number (the edits move
        // the targets' versions, so "2" may well be current).
        from etag in Gen.OneOf(Gen.OneOf(OddETags), Gen.Char[" !\"#,/abcW"].Array[1, 12].Select(c => new string(c))).Where(e => e.Trim().Length > 0 && !IsVersion(e))
        select Edit("delete with a garbage ETag", HttpMethod.Delete, target, null, null, etag, [400, 404, 405, 412]);

    private static Gen<string> EditBodies { get; } = Gen.Frequency(
        (2, EventBodies.Data.Select(data => $"{{\"data\":{data}}}")),
        (1, EventBodies.Data.Select(data => $"{{\"data\":{data},\"type\":\"fz.edited\"}}")),
        (2, Gen.OneOf("{}", "{\"data\":[1]}", "{\"data\":\"x\"}", "{\"data\":null}", "{\"data\":{},\"type\":5}", "{\"type\":\"fz.x\"}", "[]", "null", "1", string.Empty, "{\"data\":{}", "{\"data\":{},\"extra\":1}")),
        (1, OddText.JsonName.Select(type => $"{{\"data\":{{}},\"type\":{OddText.Literal(type)}}}")),
        (1, Gen.OneOf("{\"data\":{\"a\":1,\"a\":2}}", "{\"data\":{},\"data\":{\"b\":1}}", "{\"data\":{\"n\":1e400}}", "{\"data\":{\"n\":123456789012345678901234567890123456789}}", "{\"data\":{\"s\":\"\\ud800\"}}", "{\"data\":{\"\\udfff\":1}}", "{\"data\":{\"\":1}}")),
        (1, Gen.Int[20, 70].Select(depth => "{\"data\":{\"d\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}}")));

    // The Api reads If-Match as a version when it is a whole number once quotes and spaces are trimmed.
    private static bool IsVersion(string etag) =>
        long.TryParse(etag.Trim().Trim('"'), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static Probe Read(string @class, string url, int[] statuses, string? field) =>
        new(@class, ProbeKind.Read, HttpMethod.Get, url, null, null, new Expect(statuses, field));

    private static Probe Edit(string @class, HttpMethod method, string target, byte[]? body, string? contentType, string etag, int[] statuses) => new(
        @class,
        ProbeKind.Edit,
        method,
        "events/" + Uri.EscapeDataString(target),
        body,
        contentType,
        etag.Length == 0 ? [] : [new("If-Match", etag)],
        new Expect(statuses),
        target);
}
