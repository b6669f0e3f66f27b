namespace Testbed.LoadTests.Processes;

/// <summary>What one process of the stack used during the measured load.</summary>
/// <param name="Name">The report's name for it (kinesis emulator, processor, runner, …).</param>
/// <param name="Pid">Its process id.</param>
/// <param name="Nice">Its nice value when last seen (0 by default; 10 for the stack's background side, see BackgroundPriority).</param>
/// <param name="CpuPercent">CPU time over the measured window, in percent of one core (a 2-core machine has 200 %).</param>
/// <param name="PeakCpuPercent">The busiest second, in percent of one core.</param>
/// <param name="PeakRssMegabytes">The largest resident set seen while sampled (start-up and warm-up included), in MiB: mapped files included.</param>
/// <param name="PeakPrivateMegabytes">The largest resident private memory seen while sampled (the resident set without mapped files and shared memory, .NET's JIT code among them), in MiB.</param>
/// <param name="Timeline">CPU in percent of one core, per second of the load (warm-up included).</param>
public sealed record ProcessUsage(string Name, int Pid, int Nice, double CpuPercent, double PeakCpuPercent, double PeakRssMegabytes, double PeakPrivateMegabytes, IReadOnlyList<ProcessSample> Timeline);

/// <summary>A process's CPU in one second of the load.</summary>
/// <param name="Second">Seconds since the load started (warm-up included).</param>
/// <param name="CpuPercent">CPU in percent of one core.</param>
public sealed record ProcessSample(int Second, double CpuPercent);
