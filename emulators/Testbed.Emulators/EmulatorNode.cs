namespace Testbed.Emulators;

/// <summary>How Node.js runs an emulator: the flags given before the script, wherever an emulator is started (the image's entrypoint repeats them).</summary>
public static class EmulatorNode
{
    /// <summary>
    /// V8's young generation at 64 MiB per semi-space instead of Node's 16. The emulators allocate a great deal per request, and with the
    /// default most of it outlived a scavenge and went on to the old generation, whose collections run on the emulator's one JavaScript
    /// thread. Measured at 2,000 events/s on 2 cores (2026-11-29): with the flag 5 of 6 runs had stored every event 0.4-3.4 s after the
    /// load, the DynamoDB emulator's busiest second at 61-87 % of a core (the sixth: 13.7 s behind, 107 %); without it all 4 runs were
    /// 7.8-11.0 s behind, the busiest second at 104-113 %.
    /// </summary>
    public static IReadOnlyList<string> Flags { get; } = ["--max-semi-space-size=64"];
}
