using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Testbed.Telemetry;

namespace Testbed.AppHost.Dashboard;

/// <summary>The dashboard: a web page and its JSON API on 127.0.0.1, plus the OTLP/HTTP receiver the services export to.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where the dashboard (and its OTLP receiver) answers.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free one).</summary>
    public static async Task<DashboardServer> StartAsync(int port, DashboardSources sources, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(sources);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new TraceStore());
        builder.Services.AddSingleton<CounterRates>();
        builder.Services.AddSingleton<PipelinePanel>();
        var app = builder.Build();

        var pages = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "dashboard"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        app.MapOtlpReceiver(app.Services.GetRequiredService<TraceStore>(), app.Services.GetRequiredService<CounterRates>());
        app.MapDashboardApi();

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The dashboard cannot listen on 127.0.0.1:{port} ({error.Message}). Set --AppHost:Ports:Dashboard=<port> (0 picks a free one).", error);
        }

        var address = app.Urls.Single();
        return new DashboardServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
