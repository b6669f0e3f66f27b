namespace Testbed.Ingestion.Model;

/// <summary>The 202 answer for one event: its id and where Kinesis stored it.</summary>
public sealed record AcceptedEvent(string Id, DateTimeOffset AcceptedAt, string ShardId, string SequenceNumber);
