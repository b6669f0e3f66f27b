using Testbed.Infra.Configuration;
using Testbed.Processor.Aggregates;
using Testbed.Processor.Batches;
using Testbed.Processor.Bronze;
using Testbed.Processor.DeadLetter;
using Testbed.Processor.Consumption;
using Testbed.Processor.Leases;
using Testbed.Processor.Silver;
using Testbed.Processor.Telemetry;

namespace Testbed.Processor.Extensions;

/// <summary>The processor's own registrations.</summary>
public static class ProcessorExtensions
{
    /// <summary>Registers leases, consumers, the three batch steps and the coordinator that runs them.</summary>
    public static IHostApplicationBuilder AddProcessor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPipelineResources();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ProcessorOptions>().BindConfiguration(ProcessorOptions.SectionName);
        builder.Services.AddSingleton<ProcessorTelemetry>();
        builder.Services.AddSingleton<LeaseTable>();
        builder.Services.AddSingleton<RawArchive>();
        builder.Services.AddSingleton<DeadLetterArchive>();
        builder.Services.AddSingleton<ItemWriter>();
        builder.Services.AddSingleton<AggregateStore>();
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<ShardConsumer>();
        builder.Services.AddSingleton<LeaseCoordinator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaseCoordinator>());
        return builder;
    }
}
