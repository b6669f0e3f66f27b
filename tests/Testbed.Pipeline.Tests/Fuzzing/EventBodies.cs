using System.Text;
using CsCheck;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Generators of event objects, each with one defect (or none) and the answer it must get.</summary>
public static class EventBodies
{
    /// <summary>The type of events whose data holds numbers at DynamoDB's and decimal's limits, so their aggregates add them up in one window.</summary>
    public const string NumbersType = "fz.numbers";

    private static readonly string[] EdgeNumbers =
    [
        "1e400", "-1e400", "1e-400", "1e126", "9.99e125", "-9.99e125", "1e-130", "1e-131", "1E+2", "-0", "0e0", "1.0e-7",
        "123456789012345678901234567890123456789", "0.12345678901234567890123456789012345678901",
        "79228162514264337593543950335", "-79228162514264337593543950335", "7.9e28", "7.9228162514264337593543950335e28", "9223372036854775808",
    ];

    private static readonly string[] OddTimestamps =
    [
        "yesterday", "2026-11-22T10:00:00", "2026-11-22", "2026-11-22T10:00:00Z", "2026-11-22T10:00:00+14:00", "2026-11-22T10:00:00-12:00",
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "2026-02-30T10:00:00Z",
        "2026-11-22T24:00:00Z", "2026-11-22T10:00:00+99:00", "2026-11-22T10:00:00.123456789Z", "1e10", "", " ", "Z", "+00:00", "2026-W47-7T10:00:00Z",
    ];

    private static readonly (string Field, string Value)[] WrongKinds =
    [
        ("type", "5"), ("type", "true"), ("type", "null"), ("type", "[]"), ("type", "{}"),
        ("id", "7"), ("id", "false"), ("id", "null"), ("id", "[\"a\"]"), ("id", "{}"),
        ("timestamp", "1700000000"), ("timestamp", "null"), ("timestamp", "{}"),
        ("data", "[1,2]"), ("data", "\"x\""), ("data", "5"), ("data", "null"), ("data", "true"),
    ];

    private static readonly string[] InvalidUtf8 = ["\xFF", "\xC0\x80", "\x80", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFE\xFF"];

    /// <summary>Small valid data objects with odd but valid strings, unique keys, empty keys included.</summary>
    public static Gen<string> Data { get; } =
        from keys in OddText.Free.Array[0, 4]
        from values in Gen.OneOf(
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            OddText.Free.Select(OddText.Literal),
            Gen.OneOf(Gen.Const("true"), Gen.Const("null"), Gen.Const("[1,\"a\",{}]"), Gen.Const("{\"n\":{\"m\":[]}}"))).Array[4]
        select "{" + string.Join(',', keys.Distinct().Select((k, i) => $"{OddText.Literal(k)}:{values[i]}")) + "}";

    /// <summary>Valid events with odd data.</summary>
    public static Gen<EventCase> Valid { get; } = Data.Select(data => new EventCase("valid", Event("fz.valid", data), Expect.Accepted()));

    /// <summary>Valid events cut short anywhere.</summary>
    public static Gen<EventCase> Truncated { get; } =
        from data in Data
        from cut in Gen.Double[0, 1]
        let json = Event("fz.cut", data)
        select new EventCase("truncated", json[..Math.Max(1, (int)(cut * (json.Length - 1)))], Expect.Invalid("body"));

    /// <summary>Bytes that are not UTF-8 inside a string value or a key.</summary>
    public static Gen<EventCase> NotUtf8 { get; } =
        from bad in Gen.OneOf(InvalidUtf8)
        from inKey in Gen.Bool
        select new EventCase("invalid UTF-8", Latin1(inKey ? $"{{\"type\":\"fz.utf8\",\"data\":{{\"k{bad}\":1}}}}" : $"{{\"type\":\"fz.utf8\",\"data\":{{\"k\":\"a{bad}b\"}}}}"), Expect.Invalid("body"));

    /// <summary>Lone UTF-16 surrogates, as \u escapes, in the type, the id, a data value or a key.</summary>
    public static Gen<EventCase> LoneSurrogates { get; } =
        from surrogate in Gen.OneOf("\\ud800", "\\udfff", "\\udc00\\ud800")
        from place in Gen.Int[0, 4]
        select place switch
        {
            0 => new EventCase("lone surrogate", $"{{\"type\":\"a{surrogate}\",\"data\":{{}}}}", Expect.Invalid("body", "$.type")),
            1 => new EventCase("lone surrogate", $"{{\"type\":\"fz.s\",\"id\":\"{surrogate}\",\"data\":{{}}}}", Expect.Invalid("body", "$.id")),
            2 => new EventCase("lone surrogate", $"{{\"type\":\"fz.s\",\"data\":{{\"k\":\"{surrogate}\"}}}}", Expect.Invalid("body", "$.data.k")),
            3 => new EventCase("lone surrogate", $"{{\"type\":\"fz.s\",\"data\":{{\"{surrogate}\":1}}}}", Expect.Invalid("body")),
            _ => new EventCase("lone surrogate", $"{{\"type\":\"fz.s\",\"x{surrogate}\":1,\"data\":{{}}}}", Expect.Invalid("body")),
        };

    /// <summary>A key given twice, at the top or inside data.</summary>
    public static Gen<EventCase> DuplicateKeys { get; } =
        from data in Data
        from top in Gen.Bool
        select new EventCase(
            "duplicate keys",
            top ? $"{{\"type\":\"fz.dup\",\"data\":{data},\"type\":\"fz.dup2\"}}" : $"{{\"type\":\"fz.dup\",\"data\":{{\"a\":1,\"b\":2,\"a\":\"x\"}}}}",
            Expect.Invalid("body"));

    /// <summary>Numbers at and beyond what decimal, double and DynamoDB hold; stored exactly or refused, never lost.</summary>
    public static Gen<EventCase> Numbers { get; } =
        from numbers in Gen.OneOf(EdgeNumbers).Array[1, 3]
        select new EventCase("numbers out of range", Event(NumbersType, "{" + string.Join(',', numbers.Select((n, i) => $"\"n{i}\":{n}")) + "}"), Expect.Either());

    /// <summary>Data nested in objects or arrays down to well past the parser's depth limit.</summary>
    public static Gen<EventCase> DeepNesting { get; } =
        from depth in Gen.Int[1, 100]
        from arrays in Gen.Bool
        let inner = arrays ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        let total = 2 + depth
        select new EventCase("deep nesting", Event("fz.deep", "{\"d\":" + inner + "}"), total > 65 ? Expect.Invalid("body") : Expect.Either(), total);

    /// <summary>Odd types: accepted exactly when 1-128 name characters.</summary>
    public static Gen<EventCase> OddTypes { get; } = OddText.JsonName.Select(type =>
        new EventCase("odd type", Event(type, "{}"), OddText.IsName(type) ? Expect.Accepted() : Expect.Invalid("type")));

    /// <summary>Odd ids: accepted exactly when 1-128 name characters or ':'.</summary>
    public static Gen<EventCase> OddIds { get; } = OddText.JsonName.Select(id =>
        new EventCase("odd id", $"{{\"type\":\"fz.id\",\"id\":{OddText.Literal(id)},\"data\":{{}}}}", OddText.IsName(id, colon: true) ? Expect.Accepted() : Expect.Invalid("id")));

    /// <summary>Odd timestamps: accepted or refused naming 'timestamp'.</summary>
    public static Gen<EventCase> OddTimestampsGen { get; } = Gen.OneOf(Gen.OneOf(OddTimestamps), OddText.Free).Select(t =>
        new EventCase("odd timestamp", $"{{\"type\":\"fz.time\",\"timestamp\":{OddText.Literal(t)},\"data\":{{}}}}", t.Any(char.IsDigit) ? new Expect([202, 400], "timestamp") : Expect.Invalid("timestamp")));

    /// <summary>Fields an event does not have, named by the refusal.</summary>
    public static Gen<EventCase> UnknownFields { get; } = OddText.JsonName.Where(n => n is not ("type" or "id" or "timestamp" or "data")).Select(name =>
        new EventCase("unknown field", $"{{\"type\":\"fz.unknown\",{OddText.Literal(name)}:1,\"data\":{{}}}}", Expect.Invalid(AsSent(name))));

    /// <summary>A field of the wrong JSON kind, or a body that is not an object.</summary>
    public static Gen<EventCase> WrongKindsGen { get; } = Gen.Frequency(
        (5, Gen.OneOf(WrongKinds).Select(w => new EventCase("wrong kind", Replace(w.Field, w.Value), Expect.Invalid(w.Field)))),
        (1, Gen.OneOf("[]", "[{\"type\":\"t\",\"data\":{}}]", "1", "\"x\"", "null", "true").Select(json => new EventCase("wrong kind", json, Expect.Invalid("$")))),
        (1, Gen.OneOf("{\"data\":{}}", "{\"type\":\"t\"}", "{}").Select(json => new EventCase("wrong kind", json, Expect.Invalid(json.Contains("type", StringComparison.Ordinal) ? "data" : "type")))));

    /// <summary>Every class of event, weighted towards the defects.</summary>
    public static Gen<EventCase> Any { get; } = Gen.Frequency(
        (2, Valid), (2, Truncated), (2, NotUtf8), (2, LoneSurrogates), (2, DuplicateKeys), (2, Numbers), (2, DeepNesting),
        (3, OddTypes), (3, OddIds), (2, OddTimestampsGen), (2, UnknownFields), (2, WrongKindsGen));

    /// <summary>A valid event of the type with the data.</summary>
    public static string Event(string type, string data) => $"{{\"type\":{OddText.Literal(type)},\"data\":{data}}}";

    private static string Replace(string field, string value) => field switch
    {
        "type" => $"{{\"type\":{value},\"data\":{{}}}}",
        "data" => $"{{\"type\":\"fz.kind\",\"data\":{value}}}",
        _ => $"{{\"type\":\"fz.kind\",\"{field}\":{value},\"data\":{{}}}}",
    };

    // The serializer writes a lone surrogate as U+FFFD, as a trip through UTF-8 does: that is the name the service sees.
    private static string AsSent(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    // Each char of the text is one byte, so "\xFF" stays the single byte 0xFF.
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
