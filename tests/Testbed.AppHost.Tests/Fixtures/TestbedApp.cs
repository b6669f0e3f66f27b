using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Testbed.AppHost.Startup;
using Testbed.ServiceDefaults.Authentication;
using Testbed.Testing;

namespace Testbed.AppHost.Tests.Fixtures;

/// <summary>The AppHost started once per test collection through Aspire.Hosting.Testing, with the Aspire dashboard on (its telemetry API holds the traces).</summary>
public sealed class TestbedApp : IAsyncLifetime
{
    /// <summary>The key the dashboard's telemetry API is opened with (x-api-key).</summary>
    public const string DashboardApiKey = "testbed-tests-key";

    /// <summary>Every resource that must come up healthy.</summary>
    public static readonly string[] Services = ["kinesis", "dynamodb", "s3", "identity", "ingestion", "processor", "api", "web"];

    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(4);
    private readonly HttpClient _tokenHttp = new();
    private DistributedApplication? _app;
    private ClientCredentialsTokenSource? _tokens;

    /// <summary>This app's resource-name prefix, so its stream, bucket and tables are its own.</summary>
    public string Prefix { get; } = UniqueName.For("aspire");

    /// <summary>The running app.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>The dashboard's address (a free port of this run).</summary>
    public Uri DashboardUrl => App.GetEndpoint("aspire-dashboard", "http");

    /// <summary>A client on a service's http endpoint, sending a token got by client credentials from the app's identity resource.</summary>
    public HttpClient Client(string resource) => LocalIssuer.Client(App.GetEndpoint(resource, "http"), _tokens ?? throw new InvalidOperationException("The app is not started."));

    /// <summary>A client on the dashboard's telemetry API.</summary>
    public HttpClient Dashboard()
    {
        var http = new HttpClient { BaseAddress = new Uri(DashboardUrl.GetLeftPart(UriPartial.Authority) + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", DashboardApiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        using var bound = new CancellationTokenSource(StartBound);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            [
                $"--Pipeline:Prefix={Prefix}",
                // A dead processor's shards move within seconds.
                "--Processor:LeaseTimeout=00:00:03",
            ],
            bound.Token);
        builder.Configuration["AppHost:DashboardApiKey"] = DashboardApiKey;
        _app = await builder.BuildAsync(bound.Token);
        await _app.StartHealthyAsync(Services, StartBound, TestContext.Current.CancellationToken);

        _tokens = LocalIssuer.Tokens(_app.GetEndpoint("identity", "http"), LocalIssuer.FullAccess, _tokenHttp);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _tokens?.Dispose();
        _tokenHttp.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
