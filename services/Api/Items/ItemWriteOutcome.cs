namespace Testbed.Api.Items;

/// <summary>How an edit through the Api went.</summary>
public enum ItemWriteOutcome
{
    /// <summary>Written.</summary>
    Done,

    /// <summary>No such event.</summary>
    NotFound,

    /// <summary>The event's version is not the one the client had (If-Match).</summary>
    VersionMismatch,
}
