using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Testbed.Aws.Signing;

namespace Testbed.Aws.Tests.Signing;

/// <summary>Signs the same Kinesis request with AWSSDK.Core's own signer and with ours; the signatures must be equal.</summary>
/// <remarks>The SDK always signs x-amz-content-sha256, so ours is asked to as well.</remarks>
public sealed class SdkSignerAgreementTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Theory]
    [InlineData("https://kinesis.us-east-1.amazonaws.com", "us-east-1", "PutRecords", "{\"StreamName\":\"s\",\"Records\":[]}")]
    [InlineData("https://kinesis.eu-west-1.amazonaws.com", "eu-west-1", "ListShards", "{\"StreamName\":\"orders\",\"MaxResults\":2}")]
    [InlineData("http://127.0.0.1:4567", "us-east-1", "GetRecords", "{\"ShardIterator\":\"AAAA+/==\",\"Limit\":10}")]
    public void Our_signature_equals_the_AWS_SDK_signature(string endpoint, string region, string operation, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var signedAt = new DateTime(2026, 3, 14, 15, 9, 26, DateTimeKind.Utc);

        var sdkRequest = new DefaultRequest(new ListTablesRequest(), "Kinesis")
        {
            HttpMethod = "POST",
            Endpoint = new Uri(endpoint),
            ResourcePath = "/",
            Content = body,
        };
        sdkRequest.Headers["Content-Type"] = "application/x-amz-json-1.1";
        sdkRequest.Headers["X-Amz-Target"] = "Kinesis_20131202." + operation;
        var config = new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = region, AuthenticationServiceName = "kinesis" };
        var sdk = new AWS4Signer().SignRequest(sdkRequest, config, null, AccessKey, SecretKey, signedAt);

        using var ours = new HttpRequestMessage(HttpMethod.Post, endpoint);
        ours.Content = new ByteArrayContent(body);
        ours.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        ours.Headers.TryAddWithoutValidation("X-Amz-Target", "Kinesis_20131202." + operation);
        var result = HttpRequestSigner.Sign(ours, body, new SigningCredentials(AccessKey, SecretKey), new SigningScope(region, "kinesis"), signedAt,
            new SigningOptions(AddContentHashHeader: true));

        Assert.Equal(sdk.SignedHeaders, result.Authorization.Split("SignedHeaders=")[1].Split(',')[0]);
        Assert.Equal(sdk.Signature, result.Signature);
        Assert.Equal(sdk.ForAuthorizationHeader, result.Authorization);
    }
}
