using System.Text.Json;
using Microsoft.Extensions.Options;
using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Api.Alarms;

/// <summary>The ingestion service's alarms, read from its GET /alarms through service discovery.</summary>
public sealed class IngestionAlarms(HttpClient http, IOptions<AlarmsOptions> options, TimeProvider time)
{
    /// <summary>The ingestion service by its name in the AppHost; service discovery resolves it (services__ingestion__http__0).</summary>
    public static readonly Uri BaseAddress = new("http://ingestion");

    /// <summary>Points the client at the ingestion service, with a bound short enough for GET /alarms to answer when ingestion hangs.</summary>
    public static void Configure(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.BaseAddress = BaseAddress;
        client.Timeout = TimeSpan.FromSeconds(3);
    }

    /// <summary>The ingestion's alarms as it reports them; when it cannot be asked, each of its defined alarms in INSUFFICIENT_DATA with the reason.</summary>
    public async Task<IReadOnlyList<AlarmStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var statuses = await http.GetFromJsonAsync<List<AlarmStatus>>(AlarmsExtensions.Path.TrimStart('/'), cancellationToken).ConfigureAwait(false);
            return statuses ?? Unknown("it answered null");
        }
        catch (Exception error) when (error is HttpRequestException or JsonException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unknown(error.Message);
        }
    }

    private List<AlarmStatus> Unknown(string why)
    {
        var now = time.GetUtcNow();
        return
        [
            .. ApiCallAlarms.Of(ApiCallAlarms.Ingestion).Select(alarm => AlarmStatus.Of(
                alarm,
                options.Value.Period ?? alarm.Period,
                AlarmState.InsufficientData,
                $"The ingestion service did not answer GET {AlarmsExtensions.Path}: {why}",
                now,
                [])),
        ];
    }
}
