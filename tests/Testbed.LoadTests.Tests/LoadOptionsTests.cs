using Testbed.LoadTests.Cli;

namespace Testbed.LoadTests.Tests;

/// <summary>Where the runner gets its bearer tokens, from the command line.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void A_running_stack_gets_its_tokens_from_the_local_identity_by_default()
    {
        var options = LoadOptions.Parse(["ingest-single", "--target", "http://127.0.0.1:5080"]);

        Assert.Equal(new Uri("http://127.0.0.1:5070/oauth2/token"), options.TokenEndpoint);
        Assert.Equal("testbed", options.ClientId);
        Assert.Equal("testbed-local-secret", options.ClientSecret);
        Assert.Null(options.Token);
    }

    [Fact]
    public void Another_issuer_client_or_a_ready_token_is_taken_from_the_options()
    {
        var options = LoadOptions.Parse(["mixed", "--target", "https://ingest.example.test", "--api", "https://api.example.test",
            "--token-endpoint", "https://testbed.auth.eu-west-1.amazoncognito.com/oauth2/token", "--client-id", "3n4b5urk1ft4fl3mg5e62d9ado", "--client-secret", "s3cret"]);
        var ready = LoadOptions.Parse(["ingest-single", "--token", "eyJ.a.b"]);

        Assert.Equal(new Uri("https://testbed.auth.eu-west-1.amazoncognito.com/oauth2/token"), options.TokenEndpoint);
        Assert.Equal("3n4b5urk1ft4fl3mg5e62d9ado", options.ClientId);
        Assert.Equal("s3cret", options.ClientSecret);
        Assert.Equal("eyJ.a.b", ready.Token);
        Assert.Null(ready.TokenEndpoint);
    }

    [Fact]
    public void A_token_endpoint_that_is_not_a_URL_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["ingest-single", "--token-endpoint", "nowhere"]));

        Assert.Contains("--token-endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Priming_sends_200_events_unless_told_another_count_or_0()
    {
        Assert.Equal(200, LoadOptions.Parse(["ingest-single"]).Prime);
        Assert.Equal(0, LoadOptions.Parse(["ingest-single", "--prime", "0"]).Prime);
        Assert.Equal(50, LoadOptions.Parse(["capacity", "--prime", "50"]).Prime);

        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["ingest-single", "--prime", "-1"]));
        Assert.Contains("--prime: '-1' is not a count", error.Message, StringComparison.Ordinal);
    }
}
