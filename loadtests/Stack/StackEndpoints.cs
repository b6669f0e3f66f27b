namespace Testbed.LoadTests.Stack;

/// <summary>Where the load goes: the ingestion service, and the api that answers what was stored.</summary>
public sealed record StackEndpoints(Uri Ingestion, Uri Api, string Description);
