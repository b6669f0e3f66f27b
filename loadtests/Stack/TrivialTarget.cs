using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Testbed.LoadTests.Stack;

/// <summary>An endpoint that answers at once (202 to POST /events, 200 to GET): what the runner alone can generate, for the runner-check scenario.</summary>
public sealed class TrivialTarget : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TrivialTarget(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where it listens.</summary>
    public Uri Url { get; }

    /// <summary>Starts it on a free 127.0.0.1 port.</summary>
    public static async Task<TrivialTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/events", () => Results.StatusCode(StatusCodes.Status202Accepted));
        app.MapGet("/events/{id}", () => Results.Ok());
        await app.StartAsync().ConfigureAwait(false);
        return new TrivialTarget(app, new Uri(app.Urls.Single() + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
