using System.Diagnostics;

namespace Testbed.LoadTests.Processes;

/// <summary>
/// Samples, once a second, the CPU time and resident memory of every process of the stack (the runner and its descendants,
/// and any emulator, service, orchestrator or dashboard process on the machine) from /proc, for the report's cost table, and the
/// whole machine's busy CPU time.
/// </summary>
/// <param name="selfName">The report's name for the runner's own process: what runs in it besides the load (the AppHost of the embedded stack, the trivial endpoint).</param>
public sealed class ProcessSampler(string selfName) : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly long PageBytes = Environment.SystemPageSize;
    private readonly int _self = Environment.ProcessId;
    private readonly Dictionary<int, Tracked> _tracked = [];
    private readonly Tracked _machine = Tracked.Machine();
    private readonly HashSet<int> _ignored = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task? _loop;

    /// <summary>Starts sampling now.</summary>
    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Time since sampling started: where the measured window starts and ends.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Stops sampling and returns each process's use, busiest first, its CPU share and busiest second over [<paramref name="measuredFrom"/>, <paramref name="measuredTo"/>] (the load without its warm-up); its timeline is every second sampled.</summary>
    public async Task<IReadOnlyList<ProcessUsage>> StopAsync(TimeSpan measuredFrom, TimeSpan measuredTo)
    {
        await StopLoopAsync().ConfigureAwait(false);

        // The chart shows the whole run, the start and the warm-up included; the table's busiest second, like the machine's, is the load's.
        return Collect(u => u with { PeakCpuPercent = Within(u, measuredFrom, measuredTo).PeakCpuPercent }, measuredFrom, measuredTo);
    }

    /// <summary>The whole machine's CPU in [<paramref name="from"/>, <paramref name="to"/>], all processes and the kernel's work; null where /proc/stat cannot be read.</summary>
    public ProcessUsage? Machine(TimeSpan from, TimeSpan to)
    {
        lock (_tracked)
        {
            return Within(_machine.Usage(from, to), from, to) is { Timeline.Count: > 0 } usage ? usage : null;
        }
    }

    /// <summary>Each process's use in [<paramref name="from"/>, <paramref name="to"/>] (a capacity stage), busiest first: its CPU share, and its seconds and busiest second in that window only; sampling goes on.</summary>
    public IReadOnlyList<ProcessUsage> Usage(TimeSpan from, TimeSpan to) => Collect(u => Within(u, from, to), from, to);

    private List<ProcessUsage> Collect(Func<ProcessUsage, ProcessUsage> shape, TimeSpan from, TimeSpan to)
    {
        lock (_tracked)
        {
            return [.. _tracked.Values.Select(t => shape(t.Usage(from, to))).Where(u => u.Timeline.Count > 0).OrderByDescending(u => u.CpuPercent)];
        }
    }

    // A sample is numbered by the second it ends: those ending after the window began and no later than a second after it ended.
    private static ProcessUsage Within(ProcessUsage usage, TimeSpan from, TimeSpan to)
    {
        List<ProcessSample> seconds = [.. usage.Timeline.Where(t => t.Second > from.TotalSeconds && t.Second <= to.TotalSeconds + Interval.TotalSeconds)];
        return usage with { Timeline = seconds, PeakCpuPercent = seconds.Count > 0 ? seconds.Max(t => t.CpuPercent) : 0 };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopLoopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task StopLoopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            Sample();
        }
        while (await Tick(timer, stopping).ConfigureAwait(false));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Sample()
    {
        // The machine's reading first, at the time it is taken: its figure is the time between readings less the idle ticks in it.
        var now = _clock.Elapsed;
        var machine = ProcStat.Read();
        var processes = ProcProcess.All().Select(ProcProcess.Read).OfType<ProcProcess>().ToDictionary(p => p.Pid);
        lock (_tracked)
        {
            if (machine is { } ticks)
            {
                _machine.Add(new Reading(now, 0, 0, 0, ticks), 0);
            }

            foreach (var process in processes.Values)
            {
                if (_ignored.Contains(process.Pid))
                {
                    continue;
                }

                if (!_tracked.TryGetValue(process.Pid, out var tracked))
                {
                    var name = process.Pid == _self ? selfName : ProcessNames.Of(ProcProcess.CommandLine(process.Pid));
                    if (name is null && ProcProcess.IsDescendant(process, _self, processes))
                    {
                        name = Path.GetFileName(ProcProcess.CommandLine(process.Pid).Split(' ', 2)[0]);
                    }

                    if (string.IsNullOrEmpty(name))
                    {
                        _ignored.Add(process.Pid);
                        continue;
                    }

                    tracked = _tracked[process.Pid] = Tracked.Process(name, process.Pid);
                }

                // Memory only for the processes tracked: statm for every process on the machine each second would be the sampler's own load.
                var memory = ResidentMemory.Read(process.Pid) ?? default;
                tracked.Add(new Reading(now, process.CpuTicks, memory.Pages * PageBytes, memory.PrivatePages * PageBytes), process.Nice);
            }
        }
    }

    // One reading of a process (its CPU ticks, RSS and private memory in bytes), or of the machine (its /proc/stat ticks).
    private readonly record struct Reading(TimeSpan At, long Ticks, long Rss, long Private, CpuTicks Machine = default);

    // One process's readings at each second it was seen, and its nice value when last seen; the machine's CPU share is taken the way
    // /proc/stat allows (ProcStat.BusyPercent), a process's as its ticks over the time.
    private sealed class Tracked(string name, int pid, Func<Reading, Reading, double> percent)
    {
        private readonly List<Reading> _samples = [];
        private int _nice;

        public static Tracked Process(string name, int pid) => new(name, pid, static (from, to) =>
            to.At > from.At ? (to.Ticks - from.Ticks) / ProcProcess.TicksPerSecond / (to.At - from.At).TotalSeconds * 100 : 0);

        public static Tracked Machine() => new("machine", 0, static (from, to) => ProcStat.BusyPercent(from.Machine, to.Machine, to.At - from.At));

        public void Add(Reading reading, int nice)
        {
            _samples.Add(reading);
            _nice = nice;
        }

        public ProcessUsage Usage(TimeSpan measuredFrom, TimeSpan measuredTo)
        {
            var timeline = new List<ProcessSample>();
            for (var i = 1; i < _samples.Count; i++)
            {
                timeline.Add(new ProcessSample((int)Math.Round(_samples[i].At.TotalSeconds), percent(_samples[i - 1], _samples[i])));
            }

            var measured = _samples.Where(s => s.At >= measuredFrom && s.At <= measuredTo + Interval).ToList();
            var cpu = measured.Count > 1 ? percent(measured[0], measured[^1]) : timeline.LastOrDefault()?.CpuPercent ?? 0;
            return new ProcessUsage(
                name,
                pid,
                _nice,
                cpu,
                timeline.Count > 0 ? timeline.Max(t => t.CpuPercent) : 0,
                _samples.Count > 0 ? _samples.Max(s => s.Rss) / (1024.0 * 1024) : 0,
                _samples.Count > 0 ? _samples.Max(s => s.Private) / (1024.0 * 1024) : 0,
                timeline);
        }
    }
}
