using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Services.Tests.Alarms;

/// <summary>The recorder counts the calls each alarm's metric covers from ASP.NET Core's request duration histogram of its own app, not the probes.</summary>
public sealed class CallRecorderTests : IDisposable
{
    private static readonly AlarmDefinition Share = ApiCallAlarms.All.Single(a => a.Name == "ingestion-5xx");
    private static readonly AlarmDefinition PostEvents = ApiCallAlarms.All.Single(a => a.Name == "ingestion-post-events-calls");
    private static readonly AlarmDefinition Latency = ApiCallAlarms.All.Single(a => a.Name == "ingestion-p99-latency");
    private readonly ServiceProvider _app = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _otherApp = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Calls_are_counted_per_alarm_by_status_route_and_method_and_the_period_starts_again_once_taken()
    {
        using var recorder = new CallRecorder([Share, PostEvents, Latency], Factory(_app));
        var requests = Histogram(_app);

        Call(requests, "POST", "/events", 202, 0.010);
        Call(requests, "POST", "/events", 503, 0.020);
        Call(requests, "GET", "/events", 200, 0.030);
        Call(requests, "POST", "/events/batch", 500, 0.040);
        Call(requests, "GET", null, 404, 0.001);

        Assert.Equal((5, 2), Counts(recorder.TakePeriod(Share)));
        Assert.Equal((2, 1), Counts(recorder.TakePeriod(PostEvents)));
        var latency = recorder.TakePeriod(Latency);
        Assert.Equal([0.010, 0.020, 0.030, 0.040, 0.001], latency.Durations);
        Assert.Empty(recorder.TakePeriod(Share).Durations);
        Assert.Equal((0, 0), Counts(recorder.TakePeriod(Share)));
    }

    [Fact]
    public void Probes_and_the_alarm_endpoint_are_not_calls()
    {
        using var recorder = new CallRecorder([Share], Factory(_app));
        var requests = Histogram(_app);

        Call(requests, "GET", "/health", 503, 0.001);
        Call(requests, "GET", "/alive", 200, 0.001);
        Call(requests, "GET", "/alarms", 500, 0.001);
        Call(requests, "POST", "/events", 202, 0.001);

        Assert.Equal((1, 0), Counts(recorder.TakePeriod(Share)));
    }

    [Fact]
    public void Another_app_in_the_same_process_is_not_counted()
    {
        using var recorder = new CallRecorder([Share], Factory(_app));

        Call(Histogram(_otherApp), "POST", "/events", 503, 0.001);
        Call(Histogram(_app), "POST", "/events", 202, 0.001);

        Assert.Equal((1, 0), Counts(recorder.TakePeriod(Share)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _otherApp.Dispose();
    }

    private static IMeterFactory Factory(ServiceProvider app) => app.GetRequiredService<IMeterFactory>();

    // The instrument ASP.NET Core's hosting creates, made the same way (its meter factory, its names).
    private static Histogram<double> Histogram(ServiceProvider app) =>
        Factory(app).Create(AlarmMetric.Meter).CreateHistogram<double>(AlarmMetric.Instrument, "s");

    private static void Call(Histogram<double> requests, string method, string? route, int status, double seconds)
    {
        var tags = new TagList { { "http.request.method", method }, { "http.response.status_code", status } };
        if (route is not null)
        {
            tags.Add("http.route", route);
        }

        requests.Record(seconds, tags);
    }

    private static (long Calls, long ServerErrors) Counts(PeriodCalls period) => (period.Calls, period.ServerErrors);
}
