using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Testbed.Api.Model;
using Testbed.Api.Status;
using Testbed.Aws.Kinesis.Errors;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Api.Apis;

/// <summary>GET /pipeline/status: lag per shard, checkpoints, lease owners and freshness.</summary>
public static class PipelineApi
{
    private const int RetryAfterSeconds = 1;

    /// <summary>Maps the status endpoint.</summary>
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pipeline/status", GetStatusAsync).WithTags("Pipeline").WithName("GetPipelineStatus").RequireScope(AccessScopes.Read)
            .WithSummary("The pipeline's lag, owners and freshness")
            .WithDescription("Per shard: the latest sequence number on the stream, the processors' checkpoint, how many records are behind, "
                + "the lease owner and the dead letters; and the processors' recent freshness (acceptance to stored). "
                + "503 with Retry-After while Kinesis cannot be read (the lag is measured on the stream).")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The pipeline's status now; 503 with the reason while Kinesis cannot be read.</summary>
    public static async Task<Results<Ok<PipelineStatus>, ProblemHttpResult>> GetStatusAsync(PipelineStatusReader reader, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (error is HttpRequestException or KinesisException
            || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A Kinesis outage (the dashboard's Stop on kinesis) is the pipeline's state, not the Api's failure: say so, and when to ask again.
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"The lag cannot be measured: Kinesis did not answer ({error.Message}). Ask again once it is back.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Kinesis is unavailable.");
        }
    }
}
