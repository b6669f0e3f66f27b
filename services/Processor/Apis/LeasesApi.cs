using Testbed.Processor.Consumption;

namespace Testbed.Processor.Apis;

/// <summary>GET /leases: this instance's worker id and the shards it holds.</summary>
public static class LeasesApi
{
    /// <summary>What one processor instance holds.</summary>
    public sealed record HeldLeases(string WorkerId, IReadOnlyCollection<string> Shards);

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapLeasesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/leases", GetLeases).WithTags("Leases").WithName("GetLeases")
            .WithSummary("The shards this instance holds")
            .WithDescription("This instance's worker id and the shards whose leases it holds now.");
        return app;
    }

    /// <summary>The shards this instance holds now.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Ok<HeldLeases> GetLeases(LeaseCoordinator coordinator) =>
        TypedResults.Ok(new HeldLeases(coordinator.WorkerId, coordinator.HeldShards));
}
