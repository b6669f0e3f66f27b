using System.Diagnostics;
using Amazon.S3;

namespace Testbed.Emulators;

/// <summary>Waits until each emulator answers a real call of its own API, not just an open port.</summary>
internal static class ReadinessProbe
{
    /// <summary>Calls ListStreams, ListTables and ListBuckets until each succeeds or the time is up.</summary>
    public static async Task WaitUntilAnsweringAsync(EmulatorEndpoints endpoints, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var kinesis = new EmulatorApiCall(EmulatorService.Kinesis, endpoints.Kinesis);
        using var dynamo = new EmulatorApiCall(EmulatorService.DynamoDb, endpoints.DynamoDb);
        using var s3 = new EmulatorApiCall(EmulatorService.S3, endpoints.S3);

        await Task.WhenAll(
            UntilAnswered(EmulatorService.Kinesis, kinesis.InvokeAsync, timeout, cancellationToken),
            UntilAnswered(EmulatorService.DynamoDb, dynamo.InvokeAsync, timeout, cancellationToken),
            UntilAnswered(EmulatorService.S3, s3.InvokeAsync, timeout, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task UntilAnswered(EmulatorService service, Func<CancellationToken, Task> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await call(attempt.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not AmazonS3Exception { ErrorCode: "InvalidAccessKeyId" })
            {
                if (watch.Elapsed > timeout)
                {
                    throw new EmulatorStartException($"The {service} emulator listens but did not answer its API within {timeout.TotalSeconds:0} s: {error.Message}", error);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
