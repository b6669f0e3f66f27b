using Testbed.LoadTests.Processes;

namespace Testbed.LoadTests.Tests;

/// <summary>The report names each process of the stack by its command line, and leaves out the rest of the machine.</summary>
public sealed class ProcessNamesTests
{
    [Theory]
    [InlineData("node launch.js kinesis --host 127.0.0.1 --port 41193 --parent none --path /tmp/x/kinesis", "kinesis emulator")]
    [InlineData("node launch.js dynamodb --host 127.0.0.1 --port 0", "dynamodb emulator")]
    [InlineData("node launch.js s3", "s3 emulator")]
    [InlineData("node --max-semi-space-size=64 launch.js dynamodb --host 127.0.0.1 --port 0", "dynamodb emulator")]
    [InlineData("node /srv/edge.js", "edge (LocalStack-compatible)")]
    [InlineData("/work/services/Processor/bin/Release/net10.0/Testbed.Processor", "processor")]
    [InlineData("dotnet /work/services/Api/bin/Release/net10.0/Testbed.Api.dll", "api")]
    [InlineData("dotnet run --no-build --project /work/services/Ingestion/Testbed.Ingestion.csproj", "ingestion launcher")]
    [InlineData("/work/services/Identity/bin/Debug/net10.0/Testbed.Identity", "identity")]
    [InlineData("/work/services/Web/bin/Release/net10.0/Testbed.Web", "web")]
    [InlineData("/root/.nuget/packages/aspire.hosting.orchestration.linux-x64/13.6.5/tools/dcp start-apiserver", "dcp (orchestrator)")]
    [InlineData("/root/.nuget/packages/aspire.dashboard.sdk.linux-x64/13.6.5/tools/Aspire.Dashboard", "dashboard")]
    public void A_process_of_the_stack_is_named(string commandLine, string name) => Assert.Equal(name, ProcessNames.Of(commandLine));

    [Theory]
    [InlineData("/usr/sbin/sshd -D")]
    [InlineData("node /usr/lib/node_modules/npm/bin/npm-cli.js ci")]
    [InlineData("")]
    public void Another_process_is_not(string commandLine) => Assert.Null(ProcessNames.Of(commandLine));
}
