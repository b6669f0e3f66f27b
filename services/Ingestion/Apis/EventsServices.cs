using Testbed.Infra.Definition;
using Testbed.Ingestion.Publishing;

namespace Testbed.Ingestion.Apis;

/// <summary>What the events endpoints need, bundled for [AsParameters].</summary>
public sealed record EventsServices(KinesisPublisher Publisher, PipelineResources Resources, TimeProvider Time);
