using Testbed.Api.Model;
using Testbed.Api.Status;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Api.Apis;

/// <summary>GET /pipeline/status: lag per shard, checkpoints, lease owners and freshness.</summary>
public static class PipelineApi
{
    /// <summary>Maps the status endpoint.</summary>
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pipeline/status", GetStatusAsync).WithTags("Pipeline").WithName("GetPipelineStatus").RequireScope(AccessScopes.Read)
            .WithSummary("The pipeline's lag, owners and freshness")
            .WithDescription("Per shard: the latest sequence number on the stream, the processors' checkpoint, how many records are behind, "
                + "the lease owner and the dead letters; and the processors' recent freshness (acceptance to stored).");
        return app;
    }

    /// <summary>The pipeline's status now.</summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<PipelineStatus>> GetStatusAsync(PipelineStatusReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));
}
