using Testbed.LoadTests.Capacity;
using Testbed.LoadTests.Cli;
using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Processes;

namespace Testbed.LoadTests.Tests;

/// <summary>The capacity scenario's rules: its stages, when a stage is not held, and what is named as having run out.</summary>
public sealed class CapacityTests
{
    private static readonly CapacityLimits Limits = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    [Fact]
    public void The_stages_climb_by_the_step_up_to_the_highest_rate_and_the_defaults_suit_a_search()
    {
        var options = LoadOptions.Parse(["capacity"]);
        var custom = LoadOptions.Parse(["capacity", "--rate", "500", "--step", "250", "--ramp-to", "1500", "--max-freshness", "500ms", "--max-backlog", "1s"]);

        Assert.Equal([250.0, 500, 750, 1000], CapacitySearch.Rates(250, 1000, 250));
        Assert.Equal([500.0, 750, 1000, 1250, 1500], CapacitySearch.Rates(custom.Rate, custom.RampTo!.Value, custom.Step!.Value));
        Assert.Equal(TimeSpan.FromSeconds(20), options.Duration);
        Assert.Equal(0.02, options.Sample);
        Assert.Equal(250, options.Rate);
        Assert.Equal(new CapacityLimits(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)), custom.Limits);
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["capacity", "--rate", "500", "--ramp-to", "100"]));
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["capacity", "--concurrency", "8"]));
    }

    [Fact]
    public void Capacity_posts_batches_only_when_a_batch_size_is_given()
    {
        Assert.False(LoadOptions.Parse(["capacity"]).CapacityInBatches);
        Assert.False(LoadOptions.Parse(["ingest-batch", "--batch-size", "50"]).CapacityInBatches);

        var batches = LoadOptions.Parse(["capacity", "--batch-size", "50"]);
        Assert.True(batches.CapacityInBatches);
        Assert.Equal(50, batches.BatchSize);
        Assert.Contains("in batches of 50 events", batches.Simulation, StringComparison.Ordinal);
        Assert.Contains("one event per request", LoadOptions.Parse(["capacity"]).Simulation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_is_held_only_within_every_limit()
    {
        var ingest = Step(count: 1000, failed: 0, p99: 40);
        var fresh = Step(count: 100, failed: 0, p99: 300);

        Assert.Empty(Limits.Breaches(1000, ingest, fresh, 0.5));
        Assert.Equal(["freshness p99 1500 ms > 1000 ms"], Limits.Breaches(1000, ingest, Step(100, 0, 1500), 0.5));
        Assert.Equal(["backlog 2.5 s of events at 1000/s > 2 s"], Limits.Breaches(1000, ingest, fresh, 2.5));
        Assert.Equal(["ingestion accepted 950 of 1,000 requests"], Limits.Breaches(1000, Step(1000, 50, 40), fresh, 0.5));
        Assert.Equal(["no sampled event became queryable"], Limits.Breaches(1000, ingest, Step(0, 0, double.NaN), null));
        Assert.Equal(["1 sampled events never became queryable"], Limits.Breaches(1000, ingest, Step(100, 1, 300), null));
    }

    [Fact]
    public void What_ran_out_is_an_emulators_thread_before_the_machine()
    {
        var emulatorBound = Saturation.Describe([Usage("ingestion", 60), Usage("dynamodb emulator", 97), Usage("runner", 30)], cores: 2);
        var machineBound = Saturation.Describe([Usage("ingestion", 80), Usage("dynamodb emulator", 70), Usage("runner", 40)], cores: 2);
        var neither = Saturation.Describe([Usage("api", 38), Usage("dynamodb emulator", 23)], cores: 2);

        Assert.StartsWith("the dynamodb emulator (one JavaScript thread) at 97 % of a core; the machine's 2 cores were 187 % of 200 % busy", emulatorBound, StringComparison.Ordinal);
        Assert.Equal("the machine's CPU: the machine's 2 cores were 190 % of 200 % busy (busiest: ingestion 80 %, dynamodb emulator 70 %, runner 40 %)", machineBound);
        Assert.StartsWith("neither an emulator's thread nor the machine's CPU", neither, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_reached_for_part_of_a_stage_is_named_with_its_seconds()
    {
        ProcessUsage Timed(string name, params double[] seconds) => new(name, 1, 0, seconds.Average(), seconds.Max(), 100, 100, [.. seconds.Select((c, i) => new ProcessSample(i + 1, c))]);

        // On average neither the emulator (79 %) nor the machine (164 % of 200 %) is at its limit; the emulator is in 3 of 5 seconds, the machine in 2.
        var partly = Saturation.Describe([Timed("dynamodb emulator", 97, 104, 91, 55, 48), Timed("ingestion", 90, 90, 50, 30, 30), Timed("runner", 10, 10, 10, 10, 10)], cores: 2);
        var never = Saturation.Describe([Timed("dynamodb emulator", 60, 60, 60), Timed("ingestion", 50, 50, 50)], cores: 2);

        Assert.Equal(
            "neither an emulator's thread nor the machine's CPU on average (the machine's 2 cores were 147 % of 200 % busy; busiest: dynamodb emulator 79 %, ingestion 58 %, runner 10 %), "
            + "but at their limit for part of the stage: the dynamodb emulator's thread in 3 of 5 s, the machine's CPU in 2 of 5 s",
            partly);
        Assert.EndsWith("the pipeline waited on its round trips (busiest: dynamodb emulator 60 %, ingestion 50 %)", never, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_report_says_whether_the_cpu_was_the_limit()
    {
        ProcessUsage Timed(string name, double cpu, params double[] seconds) => new(name, 1, 0, cpu, seconds.Max(), 100, 100, [.. seconds.Select((c, i) => new ProcessSample(i, c))]);

        var runnerBound = Saturation.Summary([Timed("runner", 134, 120, 187)], cores: 2);
        var quiet = Saturation.Summary([Timed("runner", 20, 20, 25), Timed("ingestion", 30, 30, 40)], cores: 2);

        Assert.Equal("All processes together used 134 % of the 200 % the machine's 2 cores have over the measured load, 187 % in the busiest second: the machine's CPU was the limit in its busiest seconds.", runnerBound);
        Assert.EndsWith("65 % in the busiest second: neither an emulator's thread nor the machine's CPU was at its limit.", quiet, StringComparison.Ordinal);
        Assert.Contains("the dynamodb emulator's JavaScript thread (92 % of a core) was the limit", Saturation.Summary([Timed("dynamodb emulator", 92, 90, 95)], cores: 2), StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_machines_cpu_kernel_work_included_decides_whether_the_cpu_was_the_limit()
    {
        ProcessUsage Timed(string name, double cpu, params double[] seconds) => new(name, 1, 0, cpu, seconds.Max(), 100, 100, [.. seconds.Select((c, i) => new ProcessSample(i, c))]);
        var runner = Timed("runner", 166, 160, 175);

        // The runner alone never reached 90 % of the cores; with the kernel's network work the machine did.
        var withMachine = Saturation.Summary([runner], cores: 2, machine: Timed("machine", 183, 178, 192));

        Assert.EndsWith("175 % in the busiest second: neither an emulator's thread nor the machine's CPU was at its limit.", Saturation.Summary([runner], cores: 2), StringComparison.Ordinal);
        Assert.Equal(
            "All processes together used 166 % of the 200 % the machine's 2 cores have over the measured load; the whole machine, the kernel's work included, 183 %, 192 % in the busiest second: the machine's CPU was the limit in its busiest seconds.",
            withMachine);
    }

    [Fact]
    public void At_a_stage_not_held_the_whole_machines_cpu_decides_whether_the_cpu_ran_out()
    {
        ProcessUsage Timed(string name, params double[] seconds) => new(name, 1, 0, seconds.Average(), seconds.Max(), 100, 100, [.. seconds.Select((c, i) => new ProcessSample(i + 1, c))]);
        ProcessUsage[] processes = [Timed("ingestion", 80, 80, 80), Timed("dynamodb emulator", 60, 60, 60)];

        // The processes' 140 % is under 90 % of the cores; the machine's 185 %, with the kernel's work and the rest, is not.
        Assert.StartsWith("the machine's CPU: the machine's 2 cores were 185 % of 200 % busy", Saturation.Describe(processes, cores: 2, machine: Timed("machine", 185, 185, 185)), StringComparison.Ordinal);
        Assert.EndsWith("but at their limit for part of the stage: the machine's CPU in 1 of 3 s", Saturation.Describe(processes, cores: 2, machine: Timed("machine", 150, 150, 190)), StringComparison.Ordinal);
        Assert.StartsWith("neither an emulator's thread nor the machine's CPU (the machine's 2 cores were 140 % of 200 % busy)", Saturation.Describe(processes, cores: 2), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_that_could_not_send_every_request_is_told_what_each_answered_request_cost_and_whether_the_cpu_could_keep_up()
    {
        var machine = new ProcessUsage("machine", 0, 0, 170, 181, 0, 0, []);

        var cpuBound = Saturation.CpuPerRequest(206_665, 25_000, 14_666.8, machine, cores: 2);
        var notCpu = Saturation.CpuPerRequest(1_000, 15_000, 14_666.8, machine, cores: 2);

        Assert.Equal(
            "206,665 requests were not sent (too many in flight). Each answered request took 116 µs of the machine's CPU (every process and the kernel's work): at that cost "
            + "its 2 cores, all busy, answer about 17,255 requests/s against the 25,000/s offered, so the CPU is what could not keep up. The machine was 170 % of 200 % busy, 181 % in its busiest second.",
            cpuBound);
        Assert.Contains("against the 15,000/s offered, so the CPU was not what ran out: requests waited on something else", notCpu, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu  2869097 372128 994335 2575684 9884 0 56344 0 0 0", 2585568L)]
    [InlineData("cpu  10 20 30 1000 50 1 2 3 5 0", 1050L)]
    [InlineData("cpu0 10 20 30 1000 50 1 2 3 0 0", null)]
    [InlineData("intr 1 2 3", null)]
    public void The_machines_idle_time_is_its_idle_and_iowait_columns(string line, long? idle)
    {
        Assert.Equal(idle, ProcStat.Parse(line, cores: 2)?.Idle);
    }

    [Fact]
    public void The_machines_cpu_is_the_time_its_cores_had_less_the_time_they_were_idle_whatever_busy_ticks_went_uncounted()
    {
        var tenSeconds = TimeSpan.FromSeconds(10);

        // Two cores over 10 s have 2,000 ticks; /proc/stat counted 722 of them idle (and, on this kind of machine under load, only 700 busy): 128 %.
        Assert.Equal(127.8, ProcStat.BusyPercent(new CpuTicks(1_959_137, 2), new CpuTicks(1_959_859, 2), tenSeconds), precision: 6);
        Assert.Equal(0.0, ProcStat.BusyPercent(new CpuTicks(0, 2), new CpuTicks(2_000, 2), tenSeconds));
        Assert.Equal(400.0, ProcStat.BusyPercent(new CpuTicks(5, 4), new CpuTicks(5, 4), tenSeconds));
        // A reading taken late counts more idle than the time between the two: never below nothing.
        Assert.Equal(0.0, ProcStat.BusyPercent(new CpuTicks(0, 2), new CpuTicks(2_050, 2), tenSeconds));
        Assert.Equal(0.0, ProcStat.BusyPercent(new CpuTicks(5, 2), new CpuTicks(5, 2), TimeSpan.Zero));
    }

    [Fact]
    public void This_machines_proc_stat_is_read_with_a_core_per_cpu_line()
    {
        var ticks = ProcStat.Read();

        Assert.NotNull(ticks);
        Assert.Equal(File.ReadAllLines("/proc/stat").Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^cpu\d+ ")), ticks.Value.Cores);
        Assert.InRange(ticks.Value.Idle, 1, long.MaxValue);
    }

    private static StepStats Step(long count, long failed, double p99)
    {
        var samples = Enumerable.Range(0, (int)count).Select(i => new Sample(i / 100.0, i < count - failed ? p99 : 0, i < count - failed ? null : "503", 1)).ToList();
        return StepStats.From("step", samples, TimeSpan.FromSeconds(10));
    }

    private static ProcessUsage Usage(string name, double cpu) => new(name, 1, 0, cpu, cpu, 100, 100, []);
}
