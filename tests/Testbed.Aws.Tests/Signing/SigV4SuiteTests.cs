using Testbed.Aws.Signing;

namespace Testbed.Aws.Tests.Signing;

public sealed class SigV4SuiteTests
{
    public static TheoryData<string> Cases() => [.. SuiteCase.Names()];

    [Fact]
    public void The_suite_is_present_with_all_its_cases()
    {
        Assert.True(SuiteCase.Names().Count() >= 30, $"Expected the Signature V4 suite's cases under {SuiteCase.Folder}.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_request_string_to_sign_and_signature_match_AWS_suite(string name)
    {
        var suite = SuiteCase.Load(name);

        var result = SigV4Signer.Sign(suite.Request, suite.Credentials, suite.Scope, suite.Time, suite.Options);

        Assert.Equal(suite.ExpectedCanonicalRequest, result.CanonicalRequest);
        Assert.Equal(suite.ExpectedStringToSign, result.StringToSign);
        Assert.Equal(suite.ExpectedSignature, result.Signature);
        Assert.EndsWith($"Signature={suite.ExpectedSignature}", result.Authorization, StringComparison.Ordinal);
    }
}
