using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Testbed.Telemetry.Otlp;

namespace Testbed.Telemetry;

/// <summary>OTLP/HTTP with protobuf bodies: /v1/traces feeds the trace store, /v1/metrics the counter rates; /v1/logs is accepted so exporters stay quiet (logs are read from the processes' consoles).</summary>
public static class OtlpReceiverEndpoints
{
    private const string Protobuf = "application/x-protobuf";
    private static readonly byte[] EmptyResponse = new ExportTraceServiceResponse().ToByteArray();

    /// <summary>Maps the OTLP/HTTP receiver; without <paramref name="counters"/>, metrics are accepted and dropped.</summary>
    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder app, TraceStore store, CounterRates? counters = null)
    {
        app.MapPost("/v1/traces", (HttpRequest request) =>
            ReceiveAsync(request, ExportTraceServiceRequest.Parser, "trace", export => store.Add(OtlpTranslation.Spans(export))));
        app.MapPost("/v1/metrics", (HttpRequest request) =>
            ReceiveAsync(request, ExportMetricsServiceRequest.Parser, "metrics", export => counters?.Add(OtlpTranslation.Counters(export))));
        app.MapPost("/v1/logs", () => Results.Bytes(EmptyResponse, Protobuf));
        return app;
    }

    private static async Task<IResult> ReceiveAsync<T>(HttpRequest request, MessageParser<T> parser, string signal, Action<T> keep)
        where T : IMessage<T>
    {
        if (!IsProtobuf(request))
        {
            return Results.Problem("OTLP/HTTP here takes protobuf bodies (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        T export;
        try
        {
            export = parser.ParseFrom(await ReadAsync(request).ConfigureAwait(false));
        }
        catch (InvalidProtocolBufferException error)
        {
            return Results.Problem($"Not an OTLP {signal} export: {error.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        keep(export);
        return Results.Bytes(EmptyResponse, Protobuf);
    }

    private static bool IsProtobuf(HttpRequest request) =>
        request.ContentType?.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        Stream source = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            source = new GZipStream(request.Body, CompressionMode.Decompress);
        }

        await using (source.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await source.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
