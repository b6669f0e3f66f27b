using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Testbed.AppHost.Alarms;

/// <summary>Every couple of seconds reads each watched service's GET /alarms and publishes every alarm's state (and health) to its dashboard resource.</summary>
public sealed class AlarmPoller(DistributedApplicationModel model, ResourceNotificationService notifications, ResourceLoggerService resourceLogs) : BackgroundService
{
    /// <summary>How often the services are asked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Dictionary<string, string> _logged = [];

    /// <inheritdoc />
    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = model.Resources.OfType<AlarmResource>().GroupBy(a => a.Service).ToList();
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var alarms in services)
            {
                var (reports, failure) = await ReadAsync(alarms.Key, stoppingToken).ConfigureAwait(false);
                foreach (var resource in alarms)
                {
                    var report = reports.TryGetValue(resource.Alarm.Name, out var reported)
                        ? reported
                        : new AlarmReport(resource.Alarm.Name, AlarmReport.InsufficientData, failure ?? $"{alarms.Key.Name} does not report this alarm.", null);
                    await ShowAsync(resource, report).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<(Dictionary<string, AlarmReport> Reports, string? Failure)> ReadAsync(ProjectResource service, CancellationToken cancellationToken)
    {
        var endpoint = service.GetEndpoint("http");
        if (!endpoint.IsAllocated)
        {
            return ([], $"{service.Name} has not started yet.");
        }

        try
        {
            var reports = await _http.GetFromJsonAsync<List<AlarmReport>>(new Uri(new Uri(endpoint.Url), "/alarms"), Json, cancellationToken).ConfigureAwait(false);
            return ((reports ?? []).ToDictionary(r => r.Name), null);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Starting, stopped from the dashboard, or restarting: its alarms show INSUFFICIENT_DATA until it answers.
            return ([], $"{service.Name} did not answer GET /alarms: {error.Message}");
        }
    }

    private async Task ShowAsync(AlarmResource resource, AlarmReport report)
    {
        var style = report.State switch
        {
            AlarmReport.Ok => KnownResourceStateStyles.Success,
            AlarmReport.Alarm => KnownResourceStateStyles.Error,
            _ => KnownResourceStateStyles.Info,
        };
        var health = new HealthReportSnapshot("alarm", report.State == AlarmReport.Alarm ? HealthStatus.Unhealthy : HealthStatus.Healthy, report.Reason, null);
        await notifications.PublishUpdateAsync(resource, snapshot => (snapshot with
        {
            State = new ResourceStateSnapshot(report.State, style),
            Properties = AlarmResourceExtensions.Properties(resource.Alarm, report.Reason, report.Since),
        }).WithHealthReports([health])).ConfigureAwait(false);

        // The alarm's own console log in the dashboard: a line per change of state, beside the service's log of it.
        if (!_logged.TryGetValue(resource.Name, out var logged) || logged != report.State)
        {
            _logged[resource.Name] = report.State;
            resourceLogs.GetLogger(resource).Log(
                report.State == AlarmReport.Alarm ? LogLevel.Warning : LogLevel.Information,
                "{Alarm} is {State}: {Reason}",
                resource.Alarm.Name,
                report.State,
                report.Reason);
        }
    }
}
