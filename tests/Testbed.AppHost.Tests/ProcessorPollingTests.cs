using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Testbed.AppHost.Tests;

/// <summary>How often the processors may read a shard, as the AppHost's model says it (built, not started): as often as they like on the emulators, within Kinesis's 5 reads per shard per second on AWS.</summary>
public sealed class ProcessorPollingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_the_emulators_a_shard_is_polled_every_10_ms_and_read_without_a_pause()
    {
        var processor = await ProcessorVariablesAsync([]);

        Assert.Equal("00:00:00.010", processor["Processor__PollInterval"]);
        Assert.Equal("00:00:00", processor["Processor__MinReadInterval"]);
    }

    [Fact]
    public async Task On_AWS_a_shard_is_read_at_most_every_200_ms_unless_configured()
    {
        string[] aws =
        [
            "--Aws:Mode=Aws", "--Auth:Issuer=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf", "--Auth:Audience=3n4b5urk1ft4fl3mg5e62d9ado",
            "--Auth:TokenEndpoint=https://testbed-auth.auth.eu-west-1.amazoncognito.com/oauth2/token", "--Auth:ClientSecret=s3cret",
        ];

        var processor = await ProcessorVariablesAsync(aws);
        Assert.Equal("00:00:00.200", processor["Processor__PollInterval"]);
        Assert.Equal("00:00:00.200", processor["Processor__MinReadInterval"]);

        var configured = await ProcessorVariablesAsync([.. aws, "--Processor:MinReadInterval=00:00:00.500"]);
        Assert.Equal("00:00:00.500", configured["Processor__MinReadInterval"]);
    }

    private static async Task<Dictionary<string, string?>> ProcessorVariablesAsync(string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Testbed_AppHost>(args, Ct).WaitAsync(Bound, Ct);
        return await ResourceVariables.ReadAsync(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "processor"));
    }
}
