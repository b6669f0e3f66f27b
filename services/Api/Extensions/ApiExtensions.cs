using Testbed.Api.Aggregates;
using Testbed.Api.Alarms;
using Testbed.Api.Datasets;
using Testbed.Api.Items;
using Testbed.Api.Status;
using Testbed.Infra.Configuration;
using Testbed.Infra.Definition;
using Testbed.ServiceDefaults.Alarms;

namespace Testbed.Api.Extensions;

/// <summary>The Api's own registrations.</summary>
public static class ApiExtensions
{
    /// <summary>Registers the pipeline's names, the readers and the alarms (its own, and the ingestion's read from it).</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPipelineResources();
        builder.Services.AddSingleton<ItemStore>();
        builder.Services.AddSingleton<AggregateReader>();
        builder.Services.AddSingleton<DatasetReader>();
        builder.Services.AddSingleton<PipelineStatusReader>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddAlarms(ApiCallAlarms.Api);
        builder.Services.AddHttpClient<IngestionAlarms>(IngestionAlarms.Configure).AddServiceDiscovery();
        return builder;
    }
}
