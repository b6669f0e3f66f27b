using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Testbed.Telemetry.Otlp;

namespace Testbed.Telemetry;

/// <summary>OTLP/HTTP with protobuf bodies: /v1/traces feeds the store; /v1/metrics and /v1/logs are accepted so exporters stay quiet.</summary>
public static class OtlpReceiverEndpoints
{
    private const string Protobuf = "application/x-protobuf";
    private static readonly byte[] EmptyResponse = new ExportTraceServiceResponse().ToByteArray();

    /// <summary>Maps the OTLP/HTTP receiver.</summary>
    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder app, TraceStore store)
    {
        app.MapPost("/v1/traces", async (HttpRequest request, HttpResponse response) =>
        {
            if (!IsProtobuf(request))
            {
                return Results.Problem("OTLP/HTTP here takes protobuf bodies (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            var body = await ReadAsync(request).ConfigureAwait(false);
            ExportTraceServiceRequest export;
            try
            {
                export = ExportTraceServiceRequest.Parser.ParseFrom(body);
            }
            catch (InvalidProtocolBufferException error)
            {
                return Results.Problem($"Not an OTLP trace export: {error.Message}", statusCode: StatusCodes.Status400BadRequest);
            }

            store.Add(OtlpTranslation.Spans(export));
            return Results.Bytes(EmptyResponse, Protobuf);
        });
        app.MapPost("/v1/metrics", () => Results.Bytes(EmptyResponse, Protobuf));
        app.MapPost("/v1/logs", () => Results.Bytes(EmptyResponse, Protobuf));
        return app;
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
