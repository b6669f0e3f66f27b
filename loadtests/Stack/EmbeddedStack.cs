using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Testbed.Emulators;

namespace Testbed.LoadTests.Stack;

/// <summary>The whole local stack for one run: the AppHost started as a child process on free ports, stopped (Ctrl+C, as a user would) at the end.</summary>
public sealed partial class EmbeddedStack : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EmbeddedStack(Process process) => _process = process;

    /// <summary>The printed ingestion and api URLs.</summary>
    public StackEndpoints Endpoints { get; private set; } = null!;

    /// <summary>Starts the AppHost with a fresh pipeline prefix and waits for its summary.</summary>
    public static async Task<EmbeddedStack> StartAsync(string prefix, double traceRatio, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var configuration = typeof(EmbeddedStack).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appHost = RepositoryRoot.BuiltAssembly("AppHost", "Testbed.AppHost", configuration, "`dotnet run --project loadtests` builds it");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        };
        info.ArgumentList.Add(appHost);
        foreach (var setting in new[] { "Dashboard", "Ingestion", "Api" })
        {
            info.ArgumentList.Add($"--AppHost:Ports:{setting}=0");
        }

        info.ArgumentList.Add($"--Pipeline:Prefix={prefix}");
        info.Environment["TESTBED_EXIT_WITH_PARENT"] = "1";
        info.Environment["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
        info.Environment["OTEL_TRACES_SAMPLER_ARG"] = traceRatio.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = new Process { StartInfo = info };
        var stack = new EmbeddedStack(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => stack.Keep(e.Data, ready);
        process.ErrorDataReceived += (_, e) => stack.Keep(e.Data, ready);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        progress.Report($"Starting the embedded stack (AppHost pid {process.Id})…");

        var watch = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await Task.WhenAny(ready.Task, process.WaitForExitAsync(limit.Token)).ConfigureAwait(false);
            if (!ready.Task.IsCompleted)
            {
                throw new InvalidOperationException($"The AppHost ended before it was up:\n{stack.Output}");
            }
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var output = stack.Output;
        Uri Printed(string service) => new(ServiceLine().Matches(output).First(m => m.Groups[1].Value == service).Groups[2].Value);
        stack.Endpoints = new StackEndpoints(Printed("ingestion"), Printed("api"), $"embedded stack (AppHost, prefix {prefix})");
        progress.Report($"Embedded stack up in {watch.Elapsed.TotalSeconds:0.0} s: ingestion {stack.Endpoints.Ingestion}, api {stack.Endpoints.Api}");
        return stack;
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Stops the AppHost as Ctrl+C does and waits for it; kills it if it takes over 60 s.</summary>
    public async ValueTask DisposeAsync()
    {
        await GracefulStop.StopAsync(_process, GracefulStop.Interrupt, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        _process.Dispose();
    }

    private void Keep(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("Press Ctrl+C to stop.", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    [GeneratedRegex(@"^\s+(ingestion|api)\s+(http://\S+) \(pid \d+\)", RegexOptions.Multiline)]
    private static partial Regex ServiceLine();
}
