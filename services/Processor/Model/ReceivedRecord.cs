using Testbed.Records.Events;

namespace Testbed.Processor.Model;

/// <summary>A record read from a shard: its place in the stream, its raw bytes, and the event when they are one, else why not.</summary>
/// <param name="ShardId">The shard it was read from.</param>
/// <param name="SequenceNumber">Its sequence number.</param>
/// <param name="ArrivedAt">When Kinesis received it.</param>
/// <param name="Data">Its bytes, as the producer put them.</param>
/// <param name="Event">The event, when the bytes are one.</param>
/// <param name="Rejection">Why the bytes are not an event (another producer's record); null for an event.</param>
public sealed record ReceivedRecord(string ShardId, string SequenceNumber, DateTimeOffset ArrivedAt, byte[] Data, EventRecord? Event, string? Rejection = null);
