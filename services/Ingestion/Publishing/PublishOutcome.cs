namespace Testbed.Ingestion.Publishing;

/// <summary>What became of one record handed to the publisher.</summary>
public enum PublishOutcome
{
    /// <summary>Kinesis holds it.</summary>
    Published,

    /// <summary>Kinesis refused this record on every attempt (throttling or an internal failure).</summary>
    Failed,

    /// <summary>Kinesis could not be reached or refused the whole call; nothing of it is stored.</summary>
    Unavailable,
}
