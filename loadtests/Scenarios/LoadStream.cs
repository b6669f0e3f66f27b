using Testbed.LoadTests.Measurement;
using Testbed.LoadTests.Simulations;

namespace Testbed.LoadTests.Scenarios;

/// <summary>One kind of request driven at its own load shape (a scenario may run several side by side: mixed ingests and reads).</summary>
public sealed record LoadStream(StepRecorder Step, LoadShape Shape, Func<Invocation, Task> Invoke);
