using System.Globalization;
using Testbed.Aws.Configuration;
using Testbed.Emulators;
using Testbed.LoadTests.Baseline;

// Usage: dotnet run --project loadtests -- baseline [--duration 10] [--workers 4]
var scenario = args.FirstOrDefault() ?? "baseline";
if (scenario != "baseline")
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Available: baseline.");
    return 2;
}

var duration = TimeSpan.FromSeconds(Option("--duration", 10));
var workers = (int)Option("--workers", 4);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

Console.WriteLine("Starting the emulators…");
await using var emulators = await EmulatorHost.StartAsync(new EmulatorHostOptions { Progress = new Progress<string>(Console.WriteLine) }, cancel.Token);
Console.WriteLine($"Emulators answering after {emulators.StartupTime.TotalSeconds:0.00} s.");
var clients = new AwsClientFactory(AwsConnectionResolver.Resolve(emulators.Endpoints.ToAwsOptions()));
await new EmulatorBaseline(clients, Console.Out).RunAsync(duration, workers, cancel.Token);
return 0;

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
