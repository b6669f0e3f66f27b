using Microsoft.Extensions.Configuration;
using Testbed.Aws.Configuration;

namespace Testbed.AppHost.Resources;

/// <summary>The processor's poll interval: fast against local emulators, AWS's 5 reads per shard per second against AWS.</summary>
public static class LocalPolling
{
    /// <summary>Processor settings for the configured mode; AppHost:PollInterval overrides.</summary>
    public static IReadOnlyDictionary<string, string> Settings(IConfiguration configuration)
    {
        var mode = configuration.GetValue("Aws:Mode", AwsMode.Embedded);
        var interval = configuration["AppHost:PollInterval"] is { Length: > 0 } configured
            ? configured
            : mode == AwsMode.Aws ? "00:00:00.200" : "00:00:00.010";
        return new Dictionary<string, string> { ["Processor__PollInterval"] = interval };
    }
}
