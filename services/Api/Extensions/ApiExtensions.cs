using Testbed.Api.Aggregates;
using Testbed.Api.Datasets;
using Testbed.Api.Items;
using Testbed.Api.Status;
using Testbed.Infra.Configuration;

namespace Testbed.Api.Extensions;

/// <summary>The Api's own registrations.</summary>
public static class ApiExtensions
{
    /// <summary>Registers the pipeline's names and the readers.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPipelineResources();
        builder.Services.AddSingleton<ItemStore>();
        builder.Services.AddSingleton<AggregateReader>();
        builder.Services.AddSingleton<DatasetReader>();
        builder.Services.AddSingleton<PipelineStatusReader>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
