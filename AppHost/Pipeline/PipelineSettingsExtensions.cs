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

    /// <summary>Locally the processors poll an empty shard every 10 ms and read a shard as often as they like (the emulators have no read limit); on AWS every 200 ms at most, within 5 reads per shard per second. A configured value wins.</summary>
    public static IResourceBuilder<T> WithPolling<T>(this IResourceBuilder<T> builder, IConfiguration configuration, AwsEnvironment aws)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(aws);
        var onAws = aws.Mode == AwsMode.Aws;
        if (string.IsNullOrWhiteSpace(configuration["Processor:PollInterval"]))
        {
            builder.WithEnvironment("Processor__PollInterval", onAws ? "00:00:00.200" : "00:00:00.010");
        }

        if (string.IsNullOrWhiteSpace(configuration["Processor:MinReadInterval"]))
        {
            builder.WithEnvironment("Processor__MinReadInterval", onAws ? "00:00:00.200" : "00:00:00");
        }

        return builder;
    }
}
