using Testbed.LoadTests;
using Testbed.LoadTests.Cli;
using Testbed.LoadTests.Processes;

InlineSocketCompletions.Enable();

// Exit codes: 0 all thresholds met, 1 a threshold breached or events lost, 2 bad arguments or the run failed.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the load and still stop the stack and write what was measured.
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var (report, _) = await new LoadRun(options, Console.Out).RunAsync(cancel.Token);
    var breached = report.Thresholds.Where(t => !t.Passed).ToList();
    foreach (var threshold in breached)
    {
        Console.Error.WriteLine($"Threshold breached: {threshold.Threshold.Text} (actual {(threshold.Actual is { } v ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "not measured")})");
    }

    if (report.Loss is { Lost: > 0 } loss)
    {
        Console.Error.WriteLine($"Events lost: {loss.Lost:N0} of {loss.Accepted:N0} accepted were not stored.");
    }

    return breached.Count > 0 || report.Loss is { Lost: > 0 } ? 1 : 0;
}
catch (Exception error) when (error is InvalidOperationException or Testbed.Emulators.EmulatorStartException or HttpRequestException or FileNotFoundException or OperationCanceledException)
{
    Console.Error.WriteLine($"The load run failed: {error.Message}");
    return 2;
}
