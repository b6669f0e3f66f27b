using System.Text.Json;
using Testbed.Records.Items;

namespace Testbed.Processor.Tests;

/// <summary>Data DynamoDB refuses is recognised before it is written: a refused batch would be retried forever.</summary>
public sealed class DynamoDbLimitsTests
{
    [Theory]
    [InlineData("""{"n":1}""")]
    [InlineData("""{"n":-0.0}""")]
    [InlineData("""{"n":9.9999999999999999999999999999999999999e125}""")]
    [InlineData("""{"n":1e-130}""")]
    [InlineData("""{"n":12345678901234567890123456789012345678}""")]
    [InlineData("""{"n":100000000000000000000000000000000000000000000000000}""")]
    [InlineData("""{"s":"","b":true,"z":null,"l":[1,[2,{"x":[]}]]}""")]
    [InlineData("""{"e":"\ud83d\ude00","\ud83d\ude00":1}""")]
    public void Data_DynamoDB_stores_passes(string json) => Assert.Null(DynamoDbLimits.ProblemWith(Parse(json)));

    [Theory]
    [InlineData("""{"n":1e126}""", "outside DynamoDB's range")]
    [InlineData("""{"n":-1e400}""", "outside DynamoDB's range")]
    [InlineData("""{"n":1e-131}""", "outside DynamoDB's range")]
    [InlineData("""{"n":0.1e99999999999999999999}""", "outside DynamoDB's range")]
    [InlineData("""{"n":123456789012345678901234567890123456789}""", "38 significant digits")]
    [InlineData("""{"deep":{"n":1.00000000000000000000000000000000000001}}""", "38 significant digits")]
    [InlineData("""{"a":{"x":1,"x":2}}""", "appears twice")]
    [InlineData("""{"\udfff":1}""", "lone surrogate")]
    [InlineData("""{"s":["ok","\ud800x"]}""", "lone surrogate")]
    public void A_value_DynamoDB_refuses_is_named(string json, string reason) =>
        Assert.Contains(reason, DynamoDbLimits.ProblemWith(Parse(json)), StringComparison.Ordinal);

    [Fact]
    public void Nesting_deeper_than_32_levels_is_refused_and_32_passes()
    {
        Assert.Null(DynamoDbLimits.ProblemWith(Parse(Nested(32))));
        Assert.Contains("32 levels", DynamoDbLimits.ProblemWith(Parse(Nested(33))), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_larger_than_an_item_holds_is_refused_by_DynamoDB_size_rules()
    {
        // 140,000 one-digit numbers: 280 KB of JSON, but 3 + 140,000 × (1 + 2) = 420,003 bytes in DynamoDB, over the limit.
        var numbers = "{\"l\":[" + string.Join(',', Enumerable.Repeat("1", 140_000)) + "]}";
        var text = "{\"s\":\"" + new string('x', DynamoDbLimits.MaxDataBytes) + "\"}";

        Assert.Contains("400 KB", DynamoDbLimits.ProblemWith(Parse(numbers)), StringComparison.Ordinal);
        Assert.Contains("400 KB", DynamoDbLimits.ProblemWith(Parse(text)), StringComparison.Ordinal);
        Assert.Null(DynamoDbLimits.ProblemWith(Parse("{\"s\":\"" + new string('x', DynamoDbLimits.MaxDataBytes - 10) + "\"}")));
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 }).RootElement.Clone();
}
