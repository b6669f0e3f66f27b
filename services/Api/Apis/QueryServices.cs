using Testbed.Api.Aggregates;
using Testbed.Api.Items;

namespace Testbed.Api.Apis;

/// <summary>What the query endpoints need, bundled for [AsParameters].</summary>
public sealed record QueryServices(ItemStore Items, AggregateReader Aggregates);
