using System.Net.Http.Json;
using System.Text.Json;
using Testbed.Testing;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>One AppHost shared by the dashboard tests, with clients for its dashboard, ingestion and api.</summary>
public sealed class DashboardStack : IAsyncLifetime
{
    private ChildProcess? _appHost;

    /// <summary>The running AppHost.</summary>
    public ChildProcess AppHost => _appHost ?? throw new InvalidOperationException("Not started.");

    /// <summary>The dashboard's root URL.</summary>
    public Uri Dashboard { get; private set; } = null!;

    /// <summary>A client for the dashboard's API.</summary>
    public HttpClient DashboardClient { get; private set; } = null!;

    /// <summary>A client for the ingestion service.</summary>
    public HttpClient Ingestion { get; private set; } = null!;

    /// <summary>A client for the api service.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _appHost = await AppHostProcess.StartAsync($"--Pipeline:Prefix={UniqueName.For("dash")}");
        Dashboard = _appHost.PrintedDashboardUrl();
        DashboardClient = new HttpClient { BaseAddress = Dashboard };
        Ingestion = new HttpClient { BaseAddress = _appHost.PrintedServiceUrl("ingestion") };
        Api = new HttpClient { BaseAddress = _appHost.PrintedServiceUrl("api") };
    }

    /// <summary>The dashboard's resource rows, by name.</summary>
    public async Task<Dictionary<string, JsonElement>> ResourcesAsync(CancellationToken cancellationToken) =>
        (await DashboardClient.GetFromJsonAsync<JsonElement[]>("api/resources", cancellationToken))!
            .ToDictionary(r => r.GetProperty("name").GetString()!);

    /// <summary>Posts one event and waits until the api serves it; returns its id.</summary>
    public async Task<string> PostAndAwaitEventAsync(string type, CancellationToken cancellationToken)
    {
        var id = UniqueName.For("evt");
        using var posted = await Ingestion.PostAsync("events", JsonContent.Create(new { type, id, data = new { amount = 42.5 } }), cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.HoldsAsync(async () => (await Api.GetAsync($"events/{id}", cancellationToken)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), $"{id} is queryable");
        return id;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DashboardClient?.Dispose();
        Ingestion?.Dispose();
        Api?.Dispose();
        if (_appHost is not null)
        {
            _appHost.Signal(Signals.Interrupt);
            await _appHost.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await _appHost.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one AppHost and its dashboard; run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardStack>, ICollectionFixture<Browser>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dashboard";
}
