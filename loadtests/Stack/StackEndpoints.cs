namespace Testbed.LoadTests.Stack;

/// <summary>Where the load goes: the ingestion service, and the api that answers what was stored; and where their tokens come from.</summary>
/// <param name="Ingestion">The ingestion service's base URL.</param>
/// <param name="Api">The api's base URL.</param>
/// <param name="Description">What the stack is, for reports.</param>
/// <param name="TokenEndpoint">The issuer's token endpoint (client credentials); null for a target that takes no token.</param>
public sealed record StackEndpoints(Uri Ingestion, Uri Api, string Description, Uri? TokenEndpoint = null);
