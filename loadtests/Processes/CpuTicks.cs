namespace Testbed.LoadTests.Processes;

/// <summary>The clock ticks all cores spent idle or waiting for I/O since boot, as /proc/stat counts them, and how many cores there are.</summary>
public readonly record struct CpuTicks(long Idle, int Cores);
