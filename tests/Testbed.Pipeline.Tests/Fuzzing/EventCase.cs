using System.Text;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>One generated event object as bytes, and what POST /events must answer to it alone.</summary>
/// <param name="Class">The input class.</param>
/// <param name="Bytes">The event's JSON (or not-quite-JSON) bytes.</param>
/// <param name="Expect">The answer to it as the whole body of POST /events.</param>
/// <param name="Depth">How deeply its JSON nests (the object itself is 1).</param>
public sealed record EventCase(string Class, byte[] Bytes, Expect Expect, int Depth = 2)
{
    // The parser's depth limit, give or take the one level this test does not pin down.
    private const int MaxDepth = 65;

    /// <summary>A case from text.</summary>
    public EventCase(string @class, string json, Expect expect, int depth = 2)
        : this(@class, Encoding.UTF8.GetBytes(json), expect, depth)
    {
    }

    /// <summary>Whether the event is accepted alone.</summary>
    public bool IsValid => Expect.Statuses.SequenceEqual([202]);

    /// <summary>What a batch must answer when this event sits at <paramref name="index"/> and every other event is valid.</summary>
    public Expect InBatch(int index, int extraDepth = 1)
    {
        if (Depth + extraDepth > MaxDepth)
        {
            return Expect.Invalid("body");
        }

        if (Expect.Statuses.Contains(413))
        {
            return new Expect(Expect.Statuses, Expect.Field is null or "body" ? Expect.Field : $"[{index}].{Expect.Field}");
        }

        return Expect.Field switch
        {
            null => Expect,
            "body" => Expect.Invalid("body"),
            var field => Expect with { Field = $"[{index}].{field}" },
        };
    }
}
