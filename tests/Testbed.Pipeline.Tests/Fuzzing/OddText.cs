using System.Text.Json;
using CsCheck;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>Generators of names and strings that are mostly almost valid: a valid name with an odd character put in, control characters, Unicode, lengths at the limits.</summary>
public static class OddText
{
    /// <summary>The characters a type, id or dataset name may hold (an id may hold ':' too).</summary>
    public const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

    // Characters that are safe in a URL once escaped: no lone surrogates, and no NUL, which Kestrel refuses (an empty 400) before any endpoint runs.
    private const string UrlOdd = " \t\n\r/\\%?#&=+:;,\"'<>{}[]|^`~!@$*()éß中\u200b\ufeff\u0085\u2028\u00a0\u0301";

    // In a JSON body anything goes; lone surrogates reach the wire as U+FFFD (EventBodies.LoneSurrogates writes real ones).
    private const string JsonOdd = UrlOdd + "\0\ud800\udc00\udfff\uffff\u0001\u001f\u007f";

    /// <summary>A name for a JSON body: mostly a valid name with one odd character put in anywhere, sometimes at the length limits.</summary>
    public static Gen<string> JsonName { get; } = Name(JsonOdd);

    /// <summary>A name for a URL: as <see cref="JsonName"/>, without lone surrogates.</summary>
    public static Gen<string> UrlName { get; } = Name(UrlOdd);

    /// <summary>Any string of odd characters, for values that are free text.</summary>
    public static Gen<string> Free { get; } = Gen.Char[JsonOdd + NameChars].Array[0, 12].Select(c => new string(c));

    /// <summary>Whether a string is 1-<paramref name="max"/> of the name characters (plus ':' when <paramref name="colon"/>): the rule a correct service applies.</summary>
    public static bool IsName(string value, int max = 128, bool colon = false) =>
        value.Length is > 0 && value.Length <= max && value.All(c => NameChars.Contains(c) || (colon && c == ':'));

    /// <summary>A JSON string literal of the text, non-ASCII written as \u escapes (a lone surrogate becomes U+FFFD).</summary>
    public static string Literal(string text) => JsonSerializer.Serialize(text);

    private static Gen<string> Valid(int min, int max) => Gen.Char[NameChars].Array[min, max].Select(c => new string(c));

    private static Gen<string> Name(string odd) => Gen.Frequency(
        (4, Valid(1, 16)),
        (4, from name in Valid(1, 12) from c in Gen.Char[odd] from at in Gen.Int[0, 12] select name.Insert(Math.Min(at, name.Length), c.ToString())),
        (2, Gen.Char[odd + NameChars].Array[0, 8].Select(c => new string(c))),
        (1, Gen.OneOf(Valid(99, 101), Valid(127, 130))),
        (1, Gen.OneOf(Gen.Const(string.Empty), Gen.Const("."), Gen.Const(".."), Gen.Const("..."), Gen.Const("%"), Gen.Const("%2F"))));
}
