using Testbed.Records.Events;

namespace Testbed.Processor.Model;

/// <summary>A record read from a shard: its place in the stream, its raw bytes, and the event when they parse.</summary>
public sealed record ReceivedRecord(string ShardId, string SequenceNumber, DateTimeOffset ArrivedAt, byte[] Data, EventRecord? Event);
