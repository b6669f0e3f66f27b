using System.Text;
using CsCheck;
using Testbed.Records.Items;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Generators of requests to ingestion's POST /events and /events/batch, each with the answer it must get.</summary>
public static class IngestionProbes
{
    private const string Json = "application/json";
    private const string Ndjson = "application/x-ndjson";

    // Content types with whether POST /events takes them: parameters and case do not matter, a look-alike media type does.
    private static readonly (string? ContentType, bool Json, bool Ndjson)[] ContentTypes =
    [
        (Json, true, false), ("application/json; charset=utf-8", true, false), ("Application/JSON", true, false), ("application/json;charset=\"utf-8\"", true, false),
        ("application/json; foo=bar; q=0.5", true, false), ("application/json ; charset=utf-8", true, false),
        (Ndjson, false, true), ("application/jsonl", false, true), ("application/json-seq", false, true), ("APPLICATION/X-NDJSON; charset=utf-8", false, true),
        (null, false, false), (string.Empty, false, false), ("text/plain", false, false), ("application/json-patch+json", false, false), ("application/problem+json", false, false),
        ("application/jsonx", false, false), ("*/*", false, false), ("application/*", false, false), ("json", false, false), (";;;", false, false),
        ("text/csv", false, false), ("application/xml", false, false), ("multipart/form-data; boundary=x", false, false), ("application/x-www-form-urlencoded", false, false),
        ("application/json/extra", false, false), ("application", false, false), ("application/ json", true, false), ("text/json", false, false),
    ];

    private static readonly string[] TraceParents =
    [
        "00-xyz", "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "00-00000000000000000000000000000000-0000000000000000-01",
        "00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331", "00--b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra", "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-zz", " ", "-", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01,00-1",
    ];

    /// <summary>One event of any class as the whole body of POST /events.</summary>
    public static Gen<Probe> Events(Gen<EventCase> cases) => cases.Select(c => new Probe(c.Class, ProbeKind.Event, HttpMethod.Post, "events", c.Bytes, Json, c.Expect));

    /// <summary>A valid event under an odd Content-Type: accepted exactly when its media type is application/json.</summary>
    public static Gen<Probe> EventContentTypes { get; } =
        from type in Gen.OneOf(ContentTypes)
        from data in EventBodies.Data
        select new Probe("content type", ProbeKind.Event, HttpMethod.Post, "events", Encoding.UTF8.GetBytes(EventBodies.Event("fz.ct", data)), type.ContentType, type.Json ? Expect.Accepted() : new Expect([415], "Content-Type"));

    /// <summary>A valid event with garbage trace context headers: the garbage is ignored, the event accepted.</summary>
    public static Gen<Probe> TraceHeaders { get; } =
        from traceParent in Gen.OneOf(Gen.OneOf(TraceParents), Gen.Char["0123456789abcdefABCDEF-xyz !,;="].Array[0, 80].Select(c => new string(c)))
        from traceState in Gen.Char["abc=,;@*/ 0123456789"].Array[0, 40].Select(c => new string(c))
        from baggage in Gen.OneOf(Gen.Const("a=1"), Gen.Const("%%%"), Gen.Const(new string('b', 9000)), Gen.Const(",,,=;"))
        select new Probe(
            "traceparent garbage",
            ProbeKind.Event,
            HttpMethod.Post,
            "events",
            Encoding.UTF8.GetBytes(EventBodies.Event("fz.trace", "{}")),
            Json,
            [new("traceparent", traceParent), new("tracestate", traceState), new("baggage", baggage)],
            Expect.Accepted());

    /// <summary>Events around DynamoDB's 400 KB item limit, Kinesis's 1 MiB record limit, and far beyond both.</summary>
    public static Gen<Probe> Oversized { get; } =
        from size in Gen.OneOf(Gen.Int[DynamoDbLimits.MaxDataBytes - 2_000, DynamoDbLimits.MaxDataBytes + 2_000], Gen.Int[1_040_000, 1_060_000], Gen.Int[1_200_000, 1_300_000])
        select new Probe(
            "oversized",
            ProbeKind.Event,
            HttpMethod.Post,
            "events",
            Encoding.UTF8.GetBytes(EventBodies.Event("fz.big", "{\"blob\":\"" + new string('x', size) + "\"}")),
            Json,
            size > 1_100_000 ? new Expect([413]) : size > 1_000_000 ? new Expect([400, 413], "data") : new Expect([202, 400], "data"));

    /// <summary>A JSON array of valid events with one event of any class at a random place.</summary>
    public static Gen<Probe> ArrayBatches { get; } =
        from odd in EventBodies.Any
        from valid in EventBodies.Valid.Array[0, 5]
        from at in Gen.Int[0, 5]
        let index = Math.Min(at, valid.Length)
        let events = valid.Take(index).Select(v => v.Bytes).Append(odd.Bytes).Concat(valid.Skip(index).Select(v => v.Bytes))
        select new Probe("batch: " + odd.Class, ProbeKind.Batch, HttpMethod.Post, "events/batch", Join("["u8, ","u8, events, "]"u8), Json, odd.InBatch(index));

    /// <summary>NDJSON of valid events with one bad line in the middle (not JSON, or an event with a defect), blank lines and CRLF here and there.</summary>
    public static Gen<Probe> NdjsonBatches { get; } =
        from odd in Gen.Frequency((3, EventBodies.Any.Where(c => c.Bytes.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0)), (1, Gen.OneOf("[1,", "{\"type\":", "}", "nul", "{\"a\":1}{").Select(t => new EventCase("not JSON", t, Expect.Invalid("body")))))
        from valid in EventBodies.Valid.Array[1, 5]
        from at in Gen.Int[0, 5]
        from blanks in Gen.Bool.Array[7]
        from crlf in Gen.Bool
        select NdjsonBatch(odd, valid, Math.Min(at, valid.Length), blanks, crlf);

    /// <summary>One valid event as a batch under an odd Content-Type: NDJSON types read it as a one-line batch, JSON as a body that is not an array.</summary>
    public static Gen<Probe> BatchContentTypes { get; } =
        from type in Gen.OneOf(ContentTypes)
        select new Probe(
            "batch content type",
            ProbeKind.Batch,
            HttpMethod.Post,
            "events/batch",
            Encoding.UTF8.GetBytes(EventBodies.Event("fz.bct", "{}")),
            type.ContentType,
            type.Ndjson ? Expect.Accepted() : type.Json ? Expect.Invalid("body", "JSON array") : new Expect([415], "Content-Type"));

    /// <summary>Batches with nothing in them, or more events than a batch may hold.</summary>
    public static Gen<Probe> BatchSizes { get; } = Gen.OneOf(
        Gen.OneOf("[]", " ", "\n\n", "[ ]", string.Empty).Select(body => new Probe("empty batch", ProbeKind.Batch, HttpMethod.Post, "events/batch", Encoding.UTF8.GetBytes(body), body.StartsWith('[') ? Json : Ndjson, Expect.Invalid("body"))),
        Gen.Int[501, 700].Select(n => new Probe("too many events", ProbeKind.Batch, HttpMethod.Post, "events/batch", Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{\"type\":\"t\",\"data\":{}}", n)) + "]"), Json, new Expect([413], "body"))));

    private static Probe NdjsonBatch(EventCase odd, EventCase[] valid, int index, bool[] blanks, bool crlf)
    {
        var lines = new List<byte[]>();
        var line = 0;
        var oddLine = 0;
        for (var i = 0; i <= valid.Length; i++)
        {
            if (blanks[i])
            {
                lines.Add(" \t"u8.ToArray());
                line++;
            }

            if (i == index)
            {
                lines.Add(odd.Bytes);
                oddLine = ++line;
            }

            if (i < valid.Length)
            {
                lines.Add(valid[i].Bytes);
                line++;
            }
        }

        // The depth of a line is its own; a bad line is named by its number, a bad event by its place among the events.
        var expect = odd.Expect.Field == "body" && !odd.IsValid ? Expect.Invalid("body", $"line {oddLine}") : odd.InBatch(index, extraDepth: 0);
        return new Probe("NDJSON: " + odd.Class, ProbeKind.Batch, HttpMethod.Post, "events/batch", Join([], crlf ? "\r\n"u8 : "\n"u8, lines, []), Ndjson, expect);
    }

    private static byte[] Join(ReadOnlySpan<byte> open, ReadOnlySpan<byte> separator, IEnumerable<byte[]> parts, ReadOnlySpan<byte> close)
    {
        using var buffer = new MemoryStream();
        buffer.Write(open);
        var first = true;
        foreach (var part in parts)
        {
            if (!first)
            {
                buffer.Write(separator);
            }

            buffer.Write(part);
            first = false;
        }

        buffer.Write(close);
        return buffer.ToArray();
    }
}
