using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Testbed.Infra.Definition;

namespace Testbed.Infra.Configuration;

/// <summary>Registers the pipeline's resource names from configuration.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Binds <see cref="PipelineOptions"/> and registers the <see cref="PipelineResources"/> they name.</summary>
    public static IServiceCollection AddPipelineResources(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
            return PipelineResources.Create(options.Prefix, options.ShardCount);
        });
        return services;
    }
}
