using Testbed.Records.Leases;

namespace Testbed.Services.Tests;

/// <summary>The lease's freshness samples as the processors write them and the Api's status reads them.</summary>
public sealed class FreshnessSamplesTests
{
    [Fact]
    public void Samples_read_back_as_written_to_the_thousandth_of_a_millisecond()
    {
        (long, double)[] samples = [(1_764_384_000_123, 12.5), (1_764_384_000_130, 0.0004), (1_764_384_001_000, 1_234_567.891)];

        var text = FreshnessSamples.Write(samples);

        Assert.Equal("1764384000123:12.5 1764384000130:0 1764384001000:1234567.891", text);
        Assert.Equal([(1_764_384_000_123, 12.5), (1_764_384_000_130, 0), (1_764_384_001_000, 1_234_567.891)], FreshnessSamples.Read(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage 12 :4 5: x:1 1:y")]
    public void Text_without_a_well_formed_pair_reads_as_no_samples(string? text) => Assert.Empty(FreshnessSamples.Read(text));

    [Fact]
    public void A_malformed_pair_is_skipped_and_the_rest_read() =>
        Assert.Equal([(1L, 2.5), (3L, 4.0)], FreshnessSamples.Read("1:2.5 oops 3:4"));
}
