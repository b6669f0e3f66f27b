using System.Globalization;
using Microsoft.Extensions.Configuration;
using Testbed.AppHost.Aws;

namespace Testbed.AppHost.Pipeline;

/// <summary>Hands the AppHost's pipeline settings to a service as the environment variables it reads.</summary>
public static class PipelineSettingsExtensions
{
    /// <summary>Pipeline__Prefix and Pipeline__ShardCount, and every key of the service's own section (Processor:LeaseTimeout becomes Processor__LeaseTimeout).</summary>
    public static IResourceBuilder<T> WithPipelineSettings<T>(this IResourceBuilder<T> builder, IConfiguration configuration, string? serviceSection = null)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.WithEnvironment("Pipeline__Prefix", configuration["Pipeline:Prefix"] ?? "testbed");
        builder.WithEnvironment("Pipeline__ShardCount", configuration.GetValue("Pipeline:ShardCount", 2).ToString(CultureInfo.InvariantCulture));
        if (serviceSection is not null)
        {
            foreach (var setting in configuration.GetSection(serviceSection).AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
            {
                builder.WithEnvironment($"{serviceSection}__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
            }
        }

        return builder;
    }

    /// <summary>Locally the processors poll an empty shard every 10 ms (the emulators have no read limit); on AWS every 200 ms, within 5 reads per shard per second.</summary>
    public static IResourceBuilder<T> WithPolling<T>(this IResourceBuilder<T> builder, IConfiguration configuration, AwsEnvironment aws)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(aws);
        return string.IsNullOrWhiteSpace(configuration["Processor:PollInterval"])
            ? builder.WithEnvironment("Processor__PollInterval", aws.Mode == AwsMode.Aws ? "00:00:00.200" : "00:00:00.010")
            : builder;
    }
}
