using Testbed.Infra.Configuration;
using Testbed.Infra.Definition;
using Testbed.Ingestion.Publishing;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Ingestion.Extensions;

/// <summary>The ingestion service's own registrations.</summary>
public static class IngestionExtensions
{
    /// <summary>Registers the pipeline's names, the publisher, the clock and the alarms that watch ingestion.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPipelineResources();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PublisherOptions>().BindConfiguration(PublisherOptions.SectionName);
        builder.Services.AddSingleton<KinesisPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KinesisPublisher>());
        builder.AddAlarms(ApiCallAlarms.Ingestion);
        return builder;
    }
}
