namespace Testbed.Aws.Kinesis.Model;

/// <summary>The values of a stream's status.</summary>
public static class StreamStatus
{
    /// <summary>Being created; not yet usable.</summary>
    public const string Creating = "CREATING";

    /// <summary>Being deleted.</summary>
    public const string Deleting = "DELETING";

    /// <summary>Ready for reads and writes.</summary>
    public const string Active = "ACTIVE";

    /// <summary>Resharding or changing; reads and writes continue.</summary>
    public const string Updating = "UPDATING";
}
