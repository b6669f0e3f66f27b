using Microsoft.AspNetCore.Http.Features;

namespace Testbed.Ingestion.Apis;

/// <summary>Reads a request body into memory up to a limit, so an oversized body is refused without being buffered whole.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Whether the content type's media type is one of the given ones.</summary>
    public static bool HasMediaType(HttpRequest request, params string[] mediaTypes) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && mediaTypes.Any(m => parsed.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase));
}
