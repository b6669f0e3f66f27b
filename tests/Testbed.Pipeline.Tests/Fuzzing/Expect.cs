namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>What a correct service answers to a probe: the statuses it may use and, for a refusal, the field it must name.</summary>
/// <param name="Statuses">The statuses a correct answer may have.</param>
/// <param name="Field">The key under <c>errors</c> (400) or the <c>field</c> (413, 415, 412, 422) a refusal must name; null when any field will do.</param>
/// <param name="Message">Text the refusal's messages must contain, or null.</param>
public sealed record Expect(int[] Statuses, string? Field = null, string? Message = null)
{
    /// <summary>Accepted as it is.</summary>
    public static Expect Accepted(int status = 202) => new([status]);

    /// <summary>Refused with 400 naming the field.</summary>
    public static Expect Invalid(string? field, string? message = null) => new([400], field, message);

    /// <summary>Either outcome: the input is at a limit this test does not model exactly.</summary>
    public static Expect Either(int status = 202) => new([status, 400]);
}
