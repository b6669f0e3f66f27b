using System.ComponentModel;
using System.Diagnostics;
using Testbed.Aws.Configuration;

namespace Testbed.Pipeline.Tests.Fixtures;

/// <summary>The AWS CLI (v1 or v2) against a stack's endpoints: a client Testbed did not write.</summary>
public static class AwsCli
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    /// <summary>Runs `aws &lt;service&gt; &lt;arguments&gt;` with the connection's region, credentials and endpoint, and returns its standard output; fails on a non-zero exit.</summary>
    public static async Task<string> RunAsync(AwsConnection connection, Uri endpoint, string service, params string[] arguments)
    {
        var credentials = await connection.Credentials.GetCredentialsAsync();
        var info = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[service, .. arguments, "--endpoint-url", endpoint.ToString(), "--region", connection.Region, "--output", "json"])
        {
            info.ArgumentList.Add(argument);
        }

        // Only these settings: a profile or config file of the machine's user must not change what the test sends.
        info.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKey;
        info.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey;
        info.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        info.Environment["AWS_PAGER"] = string.Empty;
        foreach (var name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_KINESIS", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB" })
        {
            info.Environment.Remove(name);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException("The AWS CLI ('aws') is not on PATH. Install it (Debian: apt-get install awscli; .ci/run does) and run again.", missing);
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Bound);
        var output = process.StandardOutput.ReadToEndAsync(bound.Token);
        var error = process.StandardError.ReadToEndAsync(bound.Token);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 0, $"aws {service} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
