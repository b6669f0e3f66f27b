namespace Testbed.ServiceDefaults.Authentication;

/// <summary>The scopes the services check, each also the name of the authorization policy that requires it.</summary>
public static class AccessScopes
{
    /// <summary>Reading events, aggregates, datasets and the pipeline's status.</summary>
    public const string Read = "events:read";

    /// <summary>Putting events and datasets on the stream, and editing or deleting stored events.</summary>
    public const string Write = "events:write";

    /// <summary>Every scope, with what it allows, as the OpenAPI documents and the development issuer describe them.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [Read] = "Read events, aggregates, dataset rows and statistics, and the pipeline's status.",
        [Write] = "Put events and dataset files on the stream; edit and delete stored events.",
    };
}
