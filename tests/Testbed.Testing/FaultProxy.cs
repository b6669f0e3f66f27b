using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Testbed.Testing;

/// <summary>A real HTTP proxy on 127.0.0.1 in front of an emulator that answers chosen requests with an injected error instead of forwarding them.</summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private int _requests;

    private FaultProxy(WebApplication app) => _app = app;

    /// <summary>An error to answer with: HTTP status and AWS JSON error type.</summary>
    public sealed record Fault(int Status, string Type, string Message = "injected by the test's fault proxy");

    /// <summary>Decides, per request number (1-based), whether to inject a fault; null forwards.</summary>
    public Func<int, Fault?> Plan { get; set; } = _ => null;

    /// <summary>The proxy's URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>How many requests reached the proxy.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Starts a proxy to the target on a free loopback port.</summary>
    public static async Task<FaultProxy> StartAsync(Uri target)
    {
        FaultProxy? proxy = null;
        var (app, url) = await LoopbackWebApp.StartAsync(app => app.Run(context => proxy!.HandleAsync(context, target)));
        proxy = new FaultProxy(app) { Url = url };
        return proxy;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task HandleAsync(HttpContext context, Uri target)
    {
        var number = Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (Plan(number) is { } fault)
        {
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync($"{{\"__type\":\"{fault.Type}\",\"message\":\"{fault.Message}\"}}");
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, context.Request.Path + context.Request.QueryString));
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var header in context.Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value))
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
            }
        }

        using var response = await _forward.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Content.Headers.Where(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        var payload = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.ContentLength = payload.Length;
        await context.Response.Body.WriteAsync(payload, context.RequestAborted);
    }
}
