namespace Testbed.LoadTests.Processes;

/// <summary>Clock ticks of all cores since boot, as /proc/stat counts them: those spent busy, all those counted (idle and waiting included), and how many cores counted them.</summary>
public readonly record struct CpuTicks(long Busy, long All, int Cores);
